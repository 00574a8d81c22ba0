package io.dbosj.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the {@code dbos} command inside the test's JVM, its output and errors in one text as a
 * terminal shows them: some 50 ms a call where a JVM of its own takes a second or more. For
 * commands whose database is given with {@code -D}: the working directory and the environment are
 * the test JVM's, so a command that reads {@code dbos-config.yaml} or the environment, or whose
 * logging is under test, needs a process of its own.
 */
final class CliRun {
  /** What a call printed and the exit code it returned. */
  record Result(int exit, String out) {}

  private CliRun() {}

  static Result inProcess(String... args) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text, true);
    int exit = DbosCli.commandLine().setOut(out).setErr(out).execute(args);
    out.flush();
    return new Result(exit, text.toString());
  }
}
