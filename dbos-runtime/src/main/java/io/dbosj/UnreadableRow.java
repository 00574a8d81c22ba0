package io.dbosj;

/**
 * A recorded row that could not be read: which table and row, which column, what it held, and
 * why that is not readable. Listings skip such a row and report it, rather than fail:
 *
 * <pre>{@code
 * client.listWorkflows(WorkflowFilter.all(), bad -> System.err.println("skipped " + bad));
 * }</pre>
 *
 * @param table the table, such as {@code workflow_status}
 * @param rowKey the row's key, such as the workflow ID
 * @param column the column that could not be read
 * @param found what the column holds (shortened if long)
 * @param problem why that cannot be read
 */
public record UnreadableRow(String table, String rowKey, String column, String found, String problem) {
  private static final int LONGEST_FOUND = 200;

  public UnreadableRow {
    if (found != null && found.length() > LONGEST_FOUND) {
      found = found.substring(0, LONGEST_FOUND) + "...";
    }
  }

  @Override
  public String toString() {
    return table + " row '" + rowKey + "': column " + column + " holds "
        + (found == null ? "NULL" : "'" + found + "'") + ", " + problem;
  }
}
