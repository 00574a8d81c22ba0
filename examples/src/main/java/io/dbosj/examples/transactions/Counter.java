package io.dbosj.examples.transactions;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.dbosj.DBOS;
import io.dbosj.annotation.Transaction;
import io.dbosj.annotation.Workflow;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The tutorial's transactions program: a workflow inserts a row into {@code example_table} and
 * counts the rows, each in a transaction that also records its result, so each happens exactly
 * once even if the program is killed between them. Create the table first with {@code dbos
 * migrate}.
 */
public class Counter {
  static final Table<Record> EXAMPLE_TABLE = table(name("example_table"));
  static final Field<String> NAME = field(name("name"), String.class);

  @Transaction
  public void insertRow() {
    DBOS.sql().insertInto(EXAMPLE_TABLE).set(NAME, "dbos").execute();
  }

  @Transaction(readOnly = true)
  public int countRows() {
    int count = DBOS.sql().fetchCount(EXAMPLE_TABLE);
    System.out.println("Row count: " + count);
    return count;
  }

  @Workflow
  public int insertAndCount() {
    insertRow();
    return countRows();
  }

  public static void main(String[] args) {
    try (DBOS dbos = DBOS.builder().build()) {
      CounterDurable counter = new CounterDurable(dbos);
      dbos.launch();
      counter.insertAndCount();
    }
  }
}
