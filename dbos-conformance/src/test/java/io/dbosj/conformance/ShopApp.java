package io.dbosj.conformance;

import io.dbosj.DBOS;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.conformance.support.ConformanceDatabase;
import java.nio.file.Path;

/**
 * The {@link Shop} running on the conformance database, with its queues {@code orders} (one at a
 * time, held full by the seeded workflows) and {@code requests} (no limit, for what DBOS's clients
 * enqueue), and the workflows the tests look at: {@code done} (a step and a transaction, SUCCESS),
 * {@code receipt} (a record result, SUCCESS), {@code failed} (ERROR), {@code held} (PENDING at its gate for the whole class), {@code
 * to-cancel} (PENDING at its gate, for the test that cancels and resumes it), and on {@code
 * orders} {@code queued-1} (holding the queue's one slot) and {@code queued-2} (ENQUEUED behind it).
 */
final class ShopApp implements AutoCloseable {
  static final String CLASS_NAME = Shop.class.getName();
  static final Queue ORDERS = Queue.of("orders").concurrency(1);
  static final Queue REQUESTS = Queue.of("requests");

  final DBOS dbos;
  final ShopDurable shop;
  final Gates gates = new Gates();

  private ShopApp(ConformanceDatabase db) {
    dbos = DBOS.builder()
        .appName("conformance-shop")
        .systemDatabaseUrl(db.url())
        .adminServer(false)
        .configFile(Path.of("target", "no-dbos-config.yaml"))
        .build();
    dbos.register(ORDERS);
    dbos.register(REQUESTS);
    shop = new ShopDurable(dbos, gates);
    dbos.launch();
  }

  static ShopApp launch(ConformanceDatabase db) {
    return new ShopApp(db);
  }

  /** Runs the workflows named above; returns once each is in the state named. */
  ShopApp seed(ConformanceDatabase db) throws Exception {
    shop.start(StartOptions.id("done")).order("apple").getResult();
    shop.start(StartOptions.id("receipt")).receipt("apple", 2).getResult();
    WorkflowHandle<String> failed = shop.start(StartOptions.id("failed")).refuse("pear");
    try {
      failed.getResult();
    } catch (IllegalStateException expected) {
      // recorded as the workflow's ERROR, which the tests read back
    }
    shop.start(StartOptions.id("held")).heldOrder("plum");
    shop.start(StartOptions.id("to-cancel")).heldOrder("lime");
    shop.start(StartOptions.id("queued-1").queue(ORDERS)).heldOrder("fig");
    db.awaitStatus("queued-1", "PENDING");
    shop.start(StartOptions.id("queued-2").queue(ORDERS)).heldOrder("kiwi");
    db.awaitStatus("held", "PENDING");
    db.awaitStatus("to-cancel", "PENDING");
    db.awaitStatus("queued-2", "ENQUEUED");
    return this;
  }

  @Override
  public void close() {
    gates.openAll();
    dbos.close();
  }
}
