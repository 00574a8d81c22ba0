package io.dbosj.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * W8 across JVMs: a child JVM with an engine of its own on the same database, running the pong
 * workflows, so the ping's messages reach it only through the database (on PostgreSQL, woken by a
 * notification; on SQLite, by its poll). The parent asks for each pong on the child's stdin
 * ({@code PONG <pongId> <pingId> <messages>}); the child answers {@code STARTED <pongId>} once it
 * is recorded.
 */
final class PongProcess implements AutoCloseable {
  private final Process child;
  private final Writer commands;
  private final BufferedReader answers;

  PongProcess(Engine engine, String url, String adminUrl) throws Exception {
    this.child = Child.start(List.of(), ProcessBuilder.Redirect.PIPE, "pong", engine.name(), url, adminUrl);
    this.commands = child.outputWriter(StandardCharsets.UTF_8);
    this.answers = child.inputReader(StandardCharsets.UTF_8);
    await("READY");
  }

  /** Has the child start workflow {@code pongId}, the pong to {@code pingId}; returns once it is recorded. */
  void startPong(String pongId, String pingId, int messages) throws Exception {
    commands.write("PONG " + pongId + " " + pingId + " " + messages + "\n");
    commands.flush();
    await("STARTED " + pongId);
  }

  private void await(String answer) throws Exception {
    for (String line; (line = answers.readLine()) != null; ) {
      if (line.equals(answer)) {
        return;
      }
    }
    throw new IllegalStateException("the pong JVM ended without answering " + answer);
  }

  /** The child's side: starts each pong asked for, until stdin ends. */
  static void serve(WorkflowMessaging subject) throws Exception {
    PrintStream out = System.out;
    out.println("READY");
    out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      String[] command = line.split(" ");
      subject.startPong(command[1], command[2], Integer.parseInt(command[3]));
      out.println("STARTED " + command[1]);
      out.flush();
    }
  }

  /** Ends the child: closing its stdin lets it close its engine and exit. */
  @Override
  public void close() throws IOException {
    try {
      commands.close();
      if (!child.waitFor(30, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      child.destroyForcibly();
    }
  }
}
