package io.dbosj.faults;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The table of figures, one row per scenario and database, then the notes and the verdict. */
final class Report {
  private static final String[] HEADER = {"scenario", "database", "workflows", "kills", "lost", "ERROR",
      "duplicates", "re-runs after checkpoint", "re-runs before checkpoint (allowed)", "take over s",
      "recover s", "result"};

  private Report() {}

  static void print(List<Figures> rows, double elapsedSeconds, PrintStream out) {
    out.println("| " + String.join(" | ", HEADER) + " |");
    out.println("|" + "---|".repeat(HEADER.length));
    for (Figures f : rows) {
      out.println("| " + String.join(" | ", f.scenario, f.database, n(f.workflows), n(f.kills), n(f.lost),
          n(f.errors), n(f.duplicates), n(f.rerunsAfterCheckpoint), n(f.rerunsBeforeCheckpoint),
          seconds(f.takeoverSeconds), seconds(f.recoverSeconds), f.passed() ? "pass" : "FAIL") + " |");
    }
    out.println();
    for (Figures f : rows) {
      for (String note : f.notes) {
        out.println("* " + f.scenario + ", " + f.database + ": " + note);
      }
      for (String failure : f.failures) {
        out.println("* " + f.scenario + ", " + f.database + ": FAIL: " + failure);
      }
    }
    long failed = rows.stream().filter(f -> !f.passed()).count();
    out.println();
    out.printf(Locale.ROOT, "VERDICT: %s (%d of %d scenario runs failed, %.0f s)%n",
        failed == 0 ? "PASS" : "FAIL", failed, rows.size(), elapsedSeconds);
  }

  private static String n(int value) {
    return Integer.toString(value);
  }

  private static String seconds(Double value) {
    if (value == null) {
      return "";
    }
    return value.isInfinite() ? "never" : String.format(Locale.ROOT, "%.1f", value);
  }
}
