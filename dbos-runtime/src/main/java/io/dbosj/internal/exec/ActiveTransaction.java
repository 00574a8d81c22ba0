package io.dbosj.internal.exec;

import java.sql.Connection;
import org.jooq.DSLContext;

/** The application-database transaction a {@code @Transaction} method runs in. */
public record ActiveTransaction(Connection connection, DSLContext sql) {}
