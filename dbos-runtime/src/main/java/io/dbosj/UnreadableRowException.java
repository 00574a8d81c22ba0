package io.dbosj;

/**
 * A recorded row could not be read (see {@link UnreadableRow}): a problem of the stored data, not
 * of the request that asked for it.
 */
public class UnreadableRowException extends DbosException {
  private static final long serialVersionUID = 1L;

  private final transient UnreadableRow row;

  public UnreadableRowException(UnreadableRow row) {
    super("cannot read " + row);
    this.row = row;
  }

  /** Which row, which column, what was found. */
  public UnreadableRow row() {
    return row;
  }
}
