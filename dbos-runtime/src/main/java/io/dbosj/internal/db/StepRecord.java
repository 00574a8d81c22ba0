package io.dbosj.internal.db;

import io.dbosj.internal.serde.JsonCodec;

/**
 * An {@code operation_outputs} row: the outcome of operation {@code functionId} of a workflow,
 * its payloads written in the format {@code serialization} names.
 * Exactly one of {@code output} and {@code error} describes the outcome ({@code output} may be
 * {@code null} for a step without a result); {@code childWorkflowId} is set when the operation
 * started a child workflow.
 */
public record StepRecord(
    String workflowId,
    int functionId,
    String functionName,
    String output,
    String error,
    String childWorkflowId,
    long startedAt,
    long completedAt,
    String serialization) {

  /** A record this project writes: in {@code portable_json}. */
  public StepRecord(
      String workflowId, int functionId, String functionName, String output, String error,
      String childWorkflowId, long startedAt, long completedAt) {
    this(workflowId, functionId, functionName, output, error, childWorkflowId, startedAt, completedAt, JsonCodec.FORMAT);
  }
}
