package io.dbosj.bench;

import io.dbosj.DBOS;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import java.nio.file.Path;

/** io.dbosj, launched on one system database (PostgreSQL or SQLite). */
final class DbosjSubject implements Subject {
  static final Queue QUEUE = Queue.of("bench").concurrency(32);

  private final DBOS dbos;
  private final BenchFlowsDurable flows;

  DbosjSubject(String url) {
    this.dbos = build(url);
    dbos.register(QUEUE);
    this.flows = new BenchFlowsDurable(dbos);
    dbos.launch();
  }

  static DBOS build(String url) {
    return DBOS.builder()
        .appName("bench")
        .systemDatabaseUrl(url)
        .adminServer(false)
        .configFile(Path.of("none.yaml"))
        .build();
  }

  @Override
  public void runThreeSteps() {
    flows.threeSteps();
  }

  @Override
  public QueuedTask enqueueTask(int i) {
    WorkflowHandle<String> handle = flows.enqueue(QUEUE).task(i);
    return handle::getResult;
  }

  @Override
  public void startStuck(int count) {
    for (int i = 0; i < count; i++) {
      flows.start(StartOptions.defaults()).stuck();
    }
  }

  /** ms to build and launch a DBOS on {@code url} (an empty database), then close it. */
  static double launchMillis(String url) {
    long start = System.nanoTime();
    try (DBOS dbos = build(url)) {
      dbos.register(QUEUE);
      new BenchFlowsDurable(dbos);
      dbos.launch();
      return Stats.millisSince(start);
    }
  }

  @Override
  public void close() {
    dbos.close();
  }
}
