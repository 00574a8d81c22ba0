package io.dbosj;

import java.time.Instant;

/**
 * One recorded operation of a workflow, as {@code dbos.listWorkflowSteps(id)} returns it.
 *
 * @param functionId its position in the workflow, from 0
 * @param name the step's durable name ({@code DBOS.sleep} for a durable sleep)
 * @param output its recorded output as JSON text, or {@code null}
 * @param error its recorded exception as JSON text, as recorded (this project writes DBOS's
 *     portable error: name, message, code, data, then className and stack), or {@code null}
 * @param childWorkflowId the workflow it started, or {@code null}
 * @param startedAt when it started, or {@code null} if not recorded
 * @param completedAt when it finished, or {@code null} if not recorded
 */
public record StepInfo(
    int functionId,
    String name,
    String output,
    String error,
    String childWorkflowId,
    Instant startedAt,
    Instant completedAt) {}
