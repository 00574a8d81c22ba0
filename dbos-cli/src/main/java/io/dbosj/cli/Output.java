package io.dbosj.cli;

import io.dbosj.DBOSClient;
import io.dbosj.DbosException;
import io.dbosj.StepInfo;
import io.dbosj.WorkflowStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Prints workflows, steps, events and messages as aligned tables for people, or as JSON for scripts. */
final class Output {
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private Output() {}

  /** {@code value} as JSON, or as {@code table} prints it. */
  static <T> void print(PrintWriter out, boolean json, T value, java.util.function.BiConsumer<PrintWriter, T> table) {
    if (json) {
      out.println(JSON.writeValueAsString(value));
    } else {
      table.accept(out, value);
    }
  }

  /**
   * Reports each row a listing skipped to {@code err} (stderr), so the listing still succeeds and
   * the operator learns which row holds what.
   */
  static java.util.function.Consumer<io.dbosj.UnreadableRow> skippedTo(PrintWriter err) {
    return row -> {
      err.println("notice: skipped a row that cannot be read: " + row);
      err.flush();
    };
  }

  static void workflows(PrintWriter out, List<WorkflowStatus> workflows) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"WORKFLOW ID", "STATUS", "NAME", "CLASS", "QUEUE", "CREATED", "OUTPUT", "ERROR"});
    for (WorkflowStatus w : workflows) {
      rows.add(
          new String[] {
            w.workflowId(),
            w.state().name(),
            w.name(),
            w.className(),
            w.queueName() == null ? "" : w.queueName(),
            w.createdAt().toString(),
            shorten(oneLine(w.output()), 40),
            shorten(oneLine(w.error() == null ? null : w.error().toString()), 60)
          });
    }
    table(out, rows);
  }

  /** Queued work: its partition and, for a delayed workflow, when it becomes ENQUEUED. */
  static void queued(PrintWriter out, List<WorkflowStatus> workflows) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"WORKFLOW ID", "STATUS", "NAME", "QUEUE", "PARTITION", "DELAYED UNTIL", "CREATED", "EXECUTOR"});
    for (WorkflowStatus w : workflows) {
      rows.add(
          new String[] {
            w.workflowId(),
            w.state().name(),
            w.name(),
            w.queueName() == null ? "" : w.queueName(),
            w.queuePartitionKey() == null ? "" : w.queuePartitionKey(),
            w.delayUntil() == null ? "" : w.delayUntil().toString(),
            w.createdAt().toString(),
            w.executorId() == null ? "" : w.executorId()
          });
    }
    table(out, rows);
  }

  static void queues(PrintWriter out, List<QueueLimitsView> queues) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "QUEUE", "CONCURRENCY", "WORKER CONCURRENCY", "RATE", "PRIORITY", "PARTITION CONCURRENCY",
          "PARTITION WORKER CONCURRENCY", "PARTITION RATE"
        });
    for (QueueLimitsView q : queues) {
      rows.add(
          new String[] {
            q.name(),
            q.concurrency() == null ? "" : q.concurrency().toString(),
            q.workerConcurrency() == null ? "" : q.workerConcurrency().toString(),
            q.rate(),
            q.priorityEnabled() ? "enabled" : "",
            q.partitionConcurrency() == null ? "" : q.partitionConcurrency().toString(),
            q.partitionWorkerConcurrency() == null ? "" : q.partitionWorkerConcurrency().toString(),
            q.partitionRate()
          });
    }
    table(out, rows);
  }

  static void executors(PrintWriter out, List<io.dbosj.ExecutorInfo> executors) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"EXECUTOR ID", "HOST", "PID", "VERSION", "STARTED", "LAST HEARTBEAT", "STATE"});
    for (io.dbosj.ExecutorInfo e : executors) {
      rows.add(
          new String[] {
            e.executorId(),
            String.valueOf(e.host()),
            Long.toString(e.pid()),
            String.valueOf(e.appVersion()),
            e.startedAt().toString(),
            e.lastHeartbeat().toString(),
            e.state()
          });
    }
    table(out, rows);
  }

  static void schedules(PrintWriter out, List<io.dbosj.WorkflowSchedule> schedules) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"NAME", "WORKFLOW", "CRON", "TIME ZONE", "QUEUE", "STATUS", "BACKFILL", "LAST FIRED", "CONTEXT"});
    for (io.dbosj.WorkflowSchedule s : schedules) {
      rows.add(new String[] {
        s.scheduleName(), s.workflowClassName() + "." + s.workflowName(), s.cron(),
        s.timeZone() == null ? "UTC" : s.timeZone(), s.queueName() == null ? "" : s.queueName(), s.status().name(),
        Boolean.toString(s.automaticBackfill()), s.lastFiredAt() == null ? "" : s.lastFiredAt().toString(),
        s.context() == null ? "" : String.valueOf(s.context())
      });
    }
    table(out, rows);
  }

  static void workflow(PrintWriter out, WorkflowStatus w) {
    out.println("Workflow ID:      " + w.workflowId());
    out.println("Status:           " + w.state());
    out.println("Name:             " + w.name());
    out.println("Class:            " + w.className());
    out.println("Instance:         " + w.instanceName());
    out.println("Queue:            " + (w.queueName() == null ? "" : w.queueName()));
    if (w.queuePartitionKey() != null) {
      out.println("Partition:        " + w.queuePartitionKey());
    }
    if (w.delayUntil() != null) {
      out.println("Delayed until:    " + w.delayUntil());
    }
    out.println("Executor:         " + w.executorId());
    out.println("App version:      " + w.appVersion());
    out.println("Recovery attempts: " + w.recoveryAttempts());
    out.println("Created:          " + w.createdAt());
    out.println("Updated:          " + w.updatedAt());
    if (w.output() != null) {
      out.println("Output:           " + shorten(oneLine(w.output()), 500));
    }
    if (w.error() != null) {
      out.println("Error:            " + shorten(oneLine(w.error().toString()), 500));
    }
  }

  static void steps(PrintWriter out, List<StepInfo> steps) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"#", "NAME", "OUTPUT", "ERROR", "CHILD WORKFLOW"});
    for (StepInfo s : steps) {
      rows.add(
          new String[] {
            Integer.toString(s.functionId()),
            s.name(),
            shorten(s.output()),
            shorten(s.error()),
            s.childWorkflowId() == null ? "" : s.childWorkflowId()
          });
    }
    table(out, rows);
  }

  static void events(PrintWriter out, java.util.Map<String, Object> events) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"KEY", "VALUE"});
    events.forEach((key, value) -> rows.add(new String[] {key, shorten(jsonText(value))}));
    table(out, rows);
  }

  static void eventHistory(PrintWriter out, List<io.dbosj.WorkflowEventHistoryEntry> history) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"#", "KEY", "VALUE"});
    for (io.dbosj.WorkflowEventHistoryEntry e : history) {
      rows.add(new String[] {Integer.toString(e.functionId()), e.key(), shorten(jsonText(e.value()))});
    }
    table(out, rows);
  }

  static void messages(PrintWriter out, List<io.dbosj.WorkflowMessage> messages) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"MESSAGE ID", "TOPIC", "SENT", "MESSAGE"});
    for (io.dbosj.WorkflowMessage m : messages) {
      rows.add(
          new String[] {
            m.messageId(), m.topic() == null ? "(none)" : m.topic(), m.createdAt().toString(), shorten(jsonText(m.message()))
          });
    }
    table(out, rows);
  }

  static void streams(PrintWriter out, java.util.Map<String, List<Object>> streams) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"KEY", "OFFSET", "VALUE"});
    streams.forEach(
        (key, values) -> {
          for (int i = 0; i < values.size(); i++) {
            rows.add(new String[] {key, Integer.toString(i), shorten(jsonText(values.get(i)))});
          }
        });
    table(out, rows);
  }

  /** A value on one line as JSON, so that a string shows its quotes and a map its braces. */
  private static String jsonText(Object value) {
    return JsonMapper.shared().writeValueAsString(value);
  }

  private static String shorten(String text) {
    return shorten(text, 60);
  }

  /** At most {@code max} characters of {@code text}, the last three {@code ...} if cut; {@code ""} for none. */
  private static String shorten(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }

  /** A recorded text on one line: a message may hold line breaks, which would break a table. */
  private static String oneLine(String text) {
    return text == null ? null : text.replaceAll("\\s*\\R\\s*", " ");
  }

  private static void table(PrintWriter out, List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i < row.length - 1) {
          line.append(" ".repeat(widths[i] - row[i].length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
    if (rows.size() == 1) {
      out.println("(none)");
    }
  }

  /** Prints what {@code read} finds of workflow {@code workflowId}, as a table or JSON; a missing workflow names the database. */
  static <T> int printFound(
      CommandSpec spec,
      SystemDatabaseOption database,
      String workflowId,
      boolean json,
      Function<DBOSClient, T> read,
      BiConsumer<PrintWriter, T> table) {
    try (DBOSClient client = database.connect()) {
      print(spec.commandLine().getOut(), json, read.apply(client), table);
    } catch (DbosException e) {
      throw MissingWorkflow.or(e, database, workflowId);
    }
    return 0;
  }
}
