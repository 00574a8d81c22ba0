package io.dbosj.conformance;

import io.dbosj.conformance.support.ConformanceDatabase;
import io.dbosj.conformance.support.DbosTypeScript;
import org.junit.jupiter.api.BeforeAll;

/**
 * Our tools on a system database that DBOS Transact TypeScript 5.3.0 created and wrote ({@code
 * node/run-dbos-app.cjs}: {@code ts-done} SUCCESS, {@code ts-failed} ERROR, in DBOS's portable
 * format).
 */
class OurToolsOnDbosTypeScriptDatabaseTest extends OurToolsOnDbosDatabaseTest {
  OurToolsOnDbosTypeScriptDatabaseTest() {
    super("ts");
  }

  @BeforeAll
  void letDbosTypeScriptCreateAndWriteTheDatabase(DbosTypeScript ts, ConformanceDatabase db) throws Exception {
    ts.script("run-dbos-app.cjs", db.url()).succeeded();
    writtenByDbos(db);
  }
}
