package io.dbosj.internal.db;

import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;

import io.dbosj.internal.db.SystemTables.WorkflowStatus;
import org.jooq.Condition;
import org.jooq.Field;

/**
 * {@link RunnableScope}'s rule in SQL, for the statements that take workflows: two binds, the
 * application version and the fingerprints (a JSON array). Rendered into {@link RenderedSql}
 * with the others; nothing calls this at run time.
 */
final class RunnableScopeSql {
  private RunnableScopeSql() {}

  /**
   * Rows recorded with no version (null, or the empty one clients of earlier io.dbosj releases
   * wrote), with the bound one, or with one of the bound fingerprints.
   */
  static Condition runnable(boolean postgres) {
    Field<String> fingerprints = val(null, String.class);
    Condition fingerprintHere =
        postgres
            ? condition("{0} in (select jsonb_array_elements_text(cast({1} as jsonb)))", fingerprint(true), fingerprints)
            : condition("{0} in (select value from json_each({1}))", fingerprint(false), fingerprints);
    return org.jooq.impl.DSL.coalesce(WorkflowStatus.APPLICATION_VERSION, inline(""))
        .in(inline(""), val(null, WorkflowStatus.APPLICATION_VERSION))
        .or(fingerprintHere);
  }

  /** The rows {@link #runnable} leaves out (a comparison with a null is neither, so it is spelled out). */
  static Condition stranded(boolean postgres) {
    return condition("not coalesce({0}, false)", runnable(postgres));
  }

  /** The fingerprint recorded in a row's attributes, or null (DBOS's tools may write any attributes). */
  static Field<String> fingerprint(boolean postgres) {
    return postgres
        ? field("({0} ->> {1})", String.class, WorkflowStatus.ATTRIBUTES, inline(RunnableScope.FINGERPRINT_KEY))
        : field(
            "(case when json_valid({0}) then json_extract({0}, {1}) end)",
            String.class,
            WorkflowStatus.ATTRIBUTES,
            inline("$.\"" + RunnableScope.FINGERPRINT_KEY + "\""));
  }
}
