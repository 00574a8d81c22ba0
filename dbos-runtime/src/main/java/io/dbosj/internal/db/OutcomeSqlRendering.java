package io.dbosj.internal.db;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;

import io.dbosj.WorkflowState;
import io.dbosj.internal.db.SystemTables.WorkflowStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * The definition, with jOOQ over {@link SystemTables}, of the read that finds which of many
 * watched workflows have finished, in one statement. Rendered into {@link RenderedSql} with the
 * others; nothing calls this at run time.
 */
final class OutcomeSqlRendering {
  private OutcomeSqlRendering() {}

  static SystemSql.Outcomes outcomes(DSLContext sql, List<Field<?>> row) {
    List<Field<String>> ids = new ArrayList<>(FinishedWorkflows.BATCH);
    for (int i = 0; i < FinishedWorkflows.BATCH; i++) {
      ids.add(val(null, WorkflowStatus.WORKFLOW_UUID));
    }
    List<Field<String>> finished =
        Arrays.stream(WorkflowState.values())
            .filter(WorkflowState::isTerminal)
            .<Field<String>>map(state -> inline(state.name(), WorkflowStatus.STATUS))
            .toList();
    String selectFinished =
        sql.select(row)
            .from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.WORKFLOW_UUID.in(ids))
            .and(WorkflowStatus.STATUS.in(finished))
            .getSQL();
    return new SystemSql.Outcomes(selectFinished);
  }
}
