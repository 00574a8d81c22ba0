package io.dbosj.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.DBOS;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.conformance.support.ConformanceDatabase;
import io.dbosj.conformance.support.ConformanceTools;
import io.dbosj.conformance.support.DbosTypeScript;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * DBOS Transact TypeScript 5.3.0's {@code DBOSClient} and {@code DebouncerClient} ({@code
 * node/queues-with-dbos-client.cjs}) on an io.dbosj app's queues: it lists the queues our process
 * keeps in {@code dbos.queues} and registers one our process reads, enqueues a delayed workflow
 * on a partitioned queue and moves its delay, and debounces a workflow that our debounce of the
 * same key then coalesces onto.
 */
@ExtendWith(ConformanceTools.class)
class DbosTypeScriptClientQueuesTest {
  private static final Queue TENANTS = Queue.of("tenants").partitionConcurrency(1).concurrency(4);
  private static final Queue DIGEST = Queue.of("digest");

  @Test
  void theClientSeesAndSetsOurQueuesAndItsDelaysPartitionsAndDebouncesRunHere(DbosTypeScript ts, ConformanceDatabase db)
      throws Exception {
    Gates gates = new Gates();
    try (DBOS dbos = DBOS.builder()
        .appName("conformance-queues")
        .systemDatabaseUrl(db.url())
        .adminServer(false)
        .configFile(Path.of("target", "no-dbos-config.yaml"))
        .build()) {
      dbos.register(TENANTS);
      dbos.register(DIGEST);
      ShopDurable shop = new ShopDurable(dbos, gates);
      dbos.launch();

      JsonNode out = ts.script("queues-with-dbos-client.cjs", db.url(), "conformance-queues", ShopApp.CLASS_NAME).json();

      JsonNode tenants = null;
      for (JsonNode q : out.get("listed")) {
        if (q.get("name").asString().equals("tenants")) {
          tenants = q;
        }
      }
      assertThat(tenants).as("our registered queue, as DBOS lists it: %s", out.get("listed")).isNotNull();
      assertThat(tenants.get("concurrency").asInt()).isEqualTo(4);
      assertThat(tenants.get("partitionConcurrency").asInt()).isEqualTo(1);

      Queue made = dbos.getQueue("ts-made").orElseThrow();
      assertThat(made.concurrency()).isEqualTo(3);
      assertThat(made.partitionConcurrency()).isEqualTo(2);
      assertThat(made.rateLimit()).isEqualTo(5);
      assertThat(made.ratePeriod()).isEqualTo(Duration.ofSeconds(2));

      assertThat(out.get("statusBeforeMove").asString()).isEqualTo("DELAYED");
      assertThat(out.get("delayedResult").asString()).isEqualTo("reserved-fig");
      assertThat(db.rows("SELECT queue_partition_key, status FROM dbos.workflow_status WHERE workflow_uuid = 'ts-delayed'"))
          .containsExactly(List.of("acme", "SUCCESS"));

      String debouncedId = out.get("debounced").get(0).asString();
      assertThat(out.get("debounced").get(1).asString()).as("the second debounce coalesced").isEqualTo(debouncedId);
      assertThat(db.status(debouncedId)).isEqualTo("DELAYED");
      WorkflowHandle<String> ours =
          shop.start(StartOptions.defaults().queue(DIGEST).debounce("doc-1", Duration.ofMinutes(1))).order("third");
      assertThat(ours.workflowId()).as("our debounce of the key joins DBOS's").isEqualTo(debouncedId);
      dbos.setWorkflowDelay(debouncedId, Duration.ZERO);
      assertThat(ours.getResult()).isEqualTo("reserved-third");
      assertThat(db.value("SELECT COUNT(*) FROM dbos.workflow_status WHERE queue_name = 'digest'")).isEqualTo("1");
    } finally {
      gates.openAll();
    }
  }
}
