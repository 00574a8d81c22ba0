package io.dbosj.conformance;

import io.dbosj.DBOS;
import io.dbosj.conformance.support.ConformanceDatabase;
import java.nio.file.Path;

/** The {@link Mailbox} running on the conformance database, for DBOS's clients to talk to. */
final class MailboxApp implements AutoCloseable {
  final DBOS dbos;
  final MailboxDurable mailbox;

  private MailboxApp(ConformanceDatabase db) {
    dbos = DBOS.builder()
        .appName("conformance-mailbox")
        .systemDatabaseUrl(db.url())
        .adminServer(false)
        .configFile(Path.of("target", "no-dbos-config.yaml"))
        .build();
    mailbox = new MailboxDurable(dbos);
    dbos.launch();
  }

  static MailboxApp launch(ConformanceDatabase db) {
    return new MailboxApp(db);
  }

  @Override
  public void close() {
    dbos.close();
  }
}
