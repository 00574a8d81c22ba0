package io.dbosj.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The measured rows, rendered as a console table, Markdown, or JSON. */
final class Report {
  /** The columns, in the order of shared/BENCHMARKS.md (this project, floor, peer), then SQLite. */
  enum Column {
    DBOSJ("io.dbosj (PostgreSQL)"),
    FLOOR("floor: plain JDBC (PostgreSQL)"),
    PEER("peer: DBOS Transact Java"),
    DBOSJ_SQLITE("io.dbosj (SQLite)");

    final String title;

    Column(String title) {
      this.title = title;
    }
  }

  /** One cell: a number with its unit, or a text such as "failed: ...". */
  record Cell(Double value, String unit, String text) {
    static Cell of(double value, String unit) {
      return new Cell(value, unit, null);
    }

    static Cell text(String text) {
      return new Cell(null, null, text);
    }

    static Cell failed(Throwable e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
      if (message.length() > 120) {
        message = message.substring(0, 120) + "...";
      }
      return text("failed: " + root.getClass().getSimpleName() + ": " + message);
    }

    String render() {
      if (value == null) {
        return text;
      }
      return number(value) + " " + unit + (text != null ? " (" + text + ")" : "");
    }
  }

  /** A figure with 3 significant digits or so: 1,234 / 12.3 / 1.23. */
  static String number(double value) {
    return Math.abs(value) >= 100
        ? String.format(Locale.ROOT, "%,.0f", value)
        : Math.abs(value) >= 10
            ? String.format(Locale.ROOT, "%.1f", value)
            : String.format(Locale.ROOT, "%.2f", value);
  }

  /** One figure of one workload across the columns. */
  record Row(String workload, String figure, Map<Column, Cell> cells, String note) {}

  final Map<String, String> environment = new LinkedHashMap<>();
  final List<Row> rows = new ArrayList<>();

  Row add(String workload, String figure, String note) {
    Row row = new Row(workload, figure, new LinkedHashMap<>(), note);
    rows.add(row);
    return row;
  }

  String table() {
    List<String[]> lines = new ArrayList<>();
    String[] header = new String[Column.values().length + 2];
    header[0] = "workload";
    header[1] = "figure";
    for (Column c : Column.values()) {
      header[c.ordinal() + 2] = c.title;
    }
    lines.add(header);
    for (Row row : rows) {
      lines.add(cells(row));
    }
    int[] widths = new int[header.length];
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    environment.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
    out.append('\n');
    for (int l = 0; l < lines.size(); l++) {
      String[] line = lines.get(l);
      for (int i = 0; i < line.length; i++) {
        out.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", line[i]));
      }
      out.append('\n');
      if (l == 0) {
        for (int i = 0; i < widths.length; i++) {
          out.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
        }
        out.append('\n');
      }
    }
    for (Row row : rows) {
      if (row.note() != null) {
        out.append(row.workload()).append(' ').append(row.figure()).append(": ").append(row.note()).append('\n');
      }
    }
    return out.toString();
  }

  /** The report as Markdown, showing {@code chart} (a file name next to it) first unless it is null. */
  String markdown(String chart) {
    StringBuilder out = new StringBuilder("# dbos-bench results\n\n");
    if (chart != null) {
      out.append("![io.dbosj, the floor and the peer, figure by figure](").append(chart.replace(" ", "%20")).append(")\n\n");
    }
    environment.forEach((k, v) -> out.append("* ").append(k).append(": ").append(v).append('\n'));
    out.append("\n| workload | figure |");
    for (Column c : Column.values()) {
      out.append(' ').append(c.title).append(" |");
    }
    out.append("\n|---|---|").append("---|".repeat(Column.values().length)).append('\n');
    for (Row row : rows) {
      out.append("| ").append(String.join(" | ", cells(row))).append(" |\n");
    }
    out.append('\n');
    for (Row row : rows) {
      if (row.note() != null) {
        out.append("* ").append(row.workload()).append(' ').append(row.figure()).append(": ").append(row.note()).append('\n');
      }
    }
    return out.toString();
  }

  String json() {
    StringBuilder out = new StringBuilder("{\n  \"environment\": {");
    int i = 0;
    for (Map.Entry<String, String> e : environment.entrySet()) {
      out.append(i++ == 0 ? "\n" : ",\n").append("    ").append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
    }
    out.append("\n  },\n  \"rows\": [");
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      out.append(r == 0 ? "\n" : ",\n").append("    {\"workload\": ").append(quote(row.workload()))
          .append(", \"figure\": ").append(quote(row.figure()));
      if (row.note() != null) {
        out.append(", \"note\": ").append(quote(row.note()));
      }
      out.append(", \"columns\": {");
      int c = 0;
      for (Map.Entry<Column, Cell> e : row.cells().entrySet()) {
        Cell cell = e.getValue();
        out.append(c++ == 0 ? "" : ", ").append(quote(e.getKey().name().toLowerCase(Locale.ROOT))).append(": {");
        if (cell.value() != null) {
          out.append("\"value\": ").append(String.format(Locale.ROOT, "%.4f", cell.value()))
              .append(", \"unit\": ").append(quote(cell.unit()));
          if (cell.text() != null) {
            out.append(", \"detail\": ").append(quote(cell.text()));
          }
        } else {
          out.append("\"text\": ").append(quote(cell.text()));
        }
        out.append('}');
      }
      out.append("}}");
    }
    return out.append("\n  ]\n}\n").toString();
  }

  private static String[] cells(Row row) {
    String[] line = new String[Column.values().length + 2];
    line[0] = row.workload();
    line[1] = row.figure();
    for (Column c : Column.values()) {
      Cell cell = row.cells().get(c);
      line[c.ordinal() + 2] = cell == null ? "" : cell.render();
    }
    return line;
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (ch < 0x20) {
            out.append(String.format("\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
