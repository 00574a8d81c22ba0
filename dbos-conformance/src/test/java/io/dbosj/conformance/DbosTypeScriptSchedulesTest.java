package io.dbosj.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.DBOS;
import io.dbosj.ScheduleOptions;
import io.dbosj.conformance.support.Await;
import io.dbosj.conformance.support.ConformanceDatabase;
import io.dbosj.conformance.support.ConformanceTools;
import io.dbosj.conformance.support.DbosTypeScript;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DBOS Transact TypeScript 5.3.0's {@code DBOSClient} ({@code node/schedules-with-dbos-client.cjs})
 * and io.dbosj share {@code dbos.workflow_schedules}: the client reads a schedule we created, with
 * its context; a schedule it creates, with its context, is fired by our running process; a pause it
 * makes stops our process firing; the runs its trigger and backfill enqueue (for the latest version
 * our launch registered in {@code dbos.application_versions}) run in our process.
 */
@ExtendWith(ConformanceTools.class)
class DbosTypeScriptSchedulesTest {

  @Test
  void dbosTypeScriptsClientAndIoDbosjShareSchedules(DbosTypeScript ts, ConformanceDatabase db) throws Exception {
    try (DBOS dbos = DBOS.builder()
        .appName("conformance-reports")
        .systemDatabaseUrl(db.url())
        .adminServer(false)
        .configFile(Path.of("target", "no-dbos-config.yaml"))
        .build()) {
      ReportsDurable reports = new ReportsDurable(dbos);
      dbos.launch();
      dbos.createSchedule("ours", Reports.class, "report", "0 0 * * *",
          ScheduleOptions.defaults().context("ours-ctx").timeZone("Europe/Paris"));

      String plan = JsonMapper.builder().build().writeValueAsString(Map.of(
          "create", Map.of(
              "scheduleName", "theirs", "workflowName", "report", "workflowClassName", Reports.class.getName(),
              "schedule", "* * * * * *", "context", "from-ts"),
          "read", "ours",
          "pause", "ours",
          "trigger", "theirs",
          "backfill", Map.of("name", "theirs", "start", "2031-01-01T00:00:00Z", "end", "2031-01-01T00:00:03Z")));
      JsonNode out = ts.script("schedules-with-dbos-client.cjs", db.url(), plan).json();

      JsonNode read = out.get("read");
      assertThat(read.get("scheduleName").asString()).isEqualTo("ours");
      assertThat(read.get("workflowName").asString()).isEqualTo("report");
      assertThat(read.get("workflowClassName").asString()).isEqualTo(Reports.class.getName());
      assertThat(read.get("schedule").asString()).isEqualTo("0 0 * * *");
      assertThat(read.get("status").asString()).isEqualTo("ACTIVE");
      assertThat(read.get("context").asString()).as("our context, as DBOS parses it").isEqualTo("ours-ctx");
      assertThat(read.get("cronTimezone").asString()).isEqualTo("Europe/Paris");
      assertThat(out.get("listed")).extracting(s -> s.get("scheduleName").asString()).contains("ours", "theirs");
      // the runs DBOS's client enqueued, for the version our launch registered, ran here
      // (DBOS's backfill takes the ticks strictly between its start and end)
      assertThat(out.get("backfilled")).extracting(JsonNode::asString)
          .containsExactly("sched-theirs-2031-01-01T00:00:01.000Z", "sched-theirs-2031-01-01T00:00:02.000Z");
      assertThat(reports.ticks).contains("2031-01-01T00:00:01Z|from-ts", "2031-01-01T00:00:02Z|from-ts");
      assertThat(db.value("SELECT executor_id FROM dbos.workflow_status WHERE workflow_uuid = ?",
              out.get("triggered").asString()))
          .as("the triggered run").isEqualTo(dbos.executorId());

      Await.until("a tick of the schedule DBOS's client created, run here",
          () -> reports.ticks.stream().anyMatch(t -> t.endsWith("|from-ts")), () -> reports.ticks);
      assertThat(dbos.getSchedule("ours").orElseThrow().status()).as("paused by DBOS's client")
          .isEqualTo(io.dbosj.WorkflowSchedule.Status.PAUSED);
      // our backfill of the schedule DBOS's client created: its ticks run here, with its context
      assertThat(dbos.backfillSchedule("theirs", java.time.Instant.parse("2030-01-01T00:00:00Z"),
              java.time.Instant.parse("2030-01-01T00:00:02Z")))
          .extracting(h -> { h.getResult(); return h.workflowId(); })
          .containsExactly("sched-theirs-2030-01-01T00:00:00.000Z", "sched-theirs-2030-01-01T00:00:01.000Z");
      assertThat(reports.ticks).contains("2030-01-01T00:00:00Z|from-ts", "2030-01-01T00:00:01Z|from-ts");
      assertThat(dbos.getSchedule("theirs").orElseThrow().context()).isEqualTo("from-ts");
      Await.until("last_fired_at of the client's schedule",
          () -> dbos.getSchedule("theirs").orElseThrow().lastFiredAt() != null, dbos::listSchedules);
    }
  }

}
