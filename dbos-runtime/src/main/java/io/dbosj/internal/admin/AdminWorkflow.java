package io.dbosj.internal.admin;

import io.dbosj.WorkflowStatus;
import io.dbosj.internal.db.WorkflowDetails;

/**
 * A workflow as the admin server reports it: its public status and what else its row records
 * that DBOS's workflow object shows. {@code inputs} is the text recorded; the others are {@code
 * null} when not recorded.
 */
public record AdminWorkflow(
    WorkflowStatus status, String inputs, Long timeoutMillis, Long deadlineEpochMillis, WorkflowDetails details) {}
