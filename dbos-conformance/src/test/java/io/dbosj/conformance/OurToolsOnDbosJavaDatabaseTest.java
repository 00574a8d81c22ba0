package io.dbosj.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.StartWorkflowOptions;
import dev.dbos.transact.config.DBOSConfig;
import io.dbosj.conformance.support.ConformanceDatabase;
import org.junit.jupiter.api.BeforeAll;

/**
 * Our tools on a system database that DBOS Transact Java 1.1.0-m6 created and wrote (launched in
 * this JVM with {@link JavaShopImpl}: {@code java-done} SUCCESS, {@code java-failed} ERROR, then
 * shut down).
 */
class OurToolsOnDbosJavaDatabaseTest extends OurToolsOnDbosDatabaseTest {
  OurToolsOnDbosJavaDatabaseTest() {
    super("java");
  }

  @BeforeAll
  void letDbosJavaCreateAndWriteTheDatabase(ConformanceDatabase db) throws Exception {
    DBOSConfig config = DBOSConfig.defaults("java-shop")
        .withDatabaseUrl(db.jdbcUrl())
        .withDbUser(db.user())
        .withDbPassword(db.password());
    try (DBOS dbos = new DBOS(config)) {
      JavaShop shop = dbos.registerProxy(JavaShop.class, new JavaShopImpl(dbos));
      dbos.launch();
      assertThat(dbos.startWorkflow(() -> shop.order("apple"), new StartWorkflowOptions("java-done")).getResult())
          .isEqualTo("reserved-apple");
      assertThatThrownBy(() -> dbos.startWorkflow(() -> shop.refuse("pear"), new StartWorkflowOptions("java-failed"))
          .getResult()).hasMessageContaining("out of stock: pear");
    }
    writtenByDbos(db);
  }
}
