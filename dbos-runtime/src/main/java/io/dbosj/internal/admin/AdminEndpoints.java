package io.dbosj.internal.admin;

import io.dbosj.StepInfo;
import io.dbosj.WorkflowFilter;
import io.dbosj.WorkflowState;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API's paths, methods, bodies and answers, as DBOS Java 1.1.0-m6's admin server has
 * them, plus our {@code POST /workflows/cancel} (by filter), {@code GET /dbos-executors} and
 * {@code GET /workflows/{id}/events|messages|streams}, and the schedule operations of DBOS
 * Conductor's protocol (DBOS TS's admin server has none) at {@code GET /schedules}, {@code GET
 * /schedules/{name}} and {@code POST /schedules/{name}/pause|resume|trigger|backfill}. Where DBOS answers an unknown workflow ID with an
 * empty success (steps, cancel, resume) or a 500 (fork), this answers 404 "Workflow not found", as
 * DBOS does for {@code GET /workflows/{id}}.
 */
final class AdminEndpoints {
  private static final Set<String> WORKFLOW_ACTIONS = Set.of("steps", "events", "messages", "streams", "cancel", "resume", "fork", "delete");

  private final AdminOperations operations;
  private final JsonMapper json = JsonMapper.builder().build();

  AdminEndpoints(AdminOperations operations) {
    this.operations = operations;
  }

  /** A request, its body not yet read. */
  interface Request {
    String method();

    String path();

    /** The body parsed as JSON; {@code null} if it is empty. */
    JsonNode json();
  }

  AdminReply answer(Request request) {
    String path = request.path();
    switch (path) {
      case "/dbos-healthz":
        return only("GET", request, () -> json(Map.of("status", "healthy")));
      case "/dbos-workflow-queues-metadata":
        return only("GET", request, () -> json(operations.queues().stream().map(QueueOutput::of).toList()));
      case "/dbos-executors":
        return only("GET", request, () -> json(operations.executors()));
      case "/dbos-workflow-recovery":
        return only("POST", request, () -> json(operations.recoverExecutors(executorIds(request.json()))));
      case "/deactivate":
        // DBOS Python answers GET, DBOS Java any method
        if (!request.method().equals("GET") && !request.method().equals("POST")) {
          return AdminReply.methodNotAllowed(request.method(), "GET, POST");
        }
        operations.deactivate();
        return AdminReply.text(200, "deactivated");
      case "/dbos-global-timeout":
        return only("POST", request, () -> globalTimeout(request.json()));
      case "/dbos-garbage-collect":
        return only("POST", request, () -> garbageCollect(request.json()));
      case "/workflows":
        return only("POST", request, () -> listWorkflows(ListWorkflowsRequest.parse(request.json())));
      case "/workflows/cancel":
        if (request.method().equals("POST")) {
          return cancelWorkflows(CancelWorkflowsRequest.parse(request.json()));
        }
        return workflowPath(request); // GET: the workflow whose ID is "cancel"
      case "/schedules":
        return only("GET", request, () -> json(operations.schedules().stream().map(AdminEndpoints::schedule).toList()));
      case "/queues":
        return only("POST", request, () -> listQueued(ListQueuedRequest.parse(request.json())));
      default:
        return path.startsWith("/schedules/") ? schedulePath(request) : workflowPath(request);
    }
  }

  /**
   * {@code GET /schedules/{name}} and {@code POST /schedules/{name}/pause|resume|trigger|backfill}:
   * DBOS Conductor's schedule operations, their answers in its {@code ScheduleOutput} shape.
   */
  private AdminReply schedulePath(Request request) {
    String[] parts = request.path().split("/", -1);
    if (parts.length < 3 || parts.length > 4 || parts[2].isEmpty()) {
      return AdminReply.text(404, "no admin endpoint at " + request.path());
    }
    String name = URLDecoder.decode(parts[2], StandardCharsets.UTF_8);
    if (parts.length == 3) {
      return only("GET", request, () -> operations.schedule(name).map(s -> json(schedule(s)))
          .orElseGet(AdminEndpoints::scheduleNotFound));
    }
    return switch (parts[3]) {
      case "pause" -> only("POST", request, () -> operations.pauseSchedule(name) ? AdminReply.noContent() : scheduleNotFound());
      case "resume" -> only("POST", request, () -> operations.resumeSchedule(name) ? AdminReply.noContent() : scheduleNotFound());
      case "trigger" -> only("POST", request, () -> operations.triggerSchedule(name)
          .map(id -> json(Map.of("workflow_id", id))).orElseGet(AdminEndpoints::scheduleNotFound));
      case "backfill" -> only("POST", request, () -> backfill(name, request.json()));
      default -> AdminReply.text(404, "no admin endpoint at " + request.path());
    };
  }

  private AdminReply backfill(String name, JsonNode body) {
    String endpoint = "POST /schedules/{name}/backfill";
    RequestFields fields = RequestFields.of(body, List.of("start", "end"), endpoint);
    Instant start = fields.instant("start");
    Instant end = fields.instant("end");
    if (start == null || end == null || !start.isBefore(end)) {
      throw new BadRequest(
          endpoint + " needs start and end, ISO-8601 instants, start before end, e.g."
              + " {\"start\": \"2030-01-01T00:00:00Z\", \"end\": \"2030-01-02T00:00:00Z\"}");
    }
    return operations.backfillSchedule(name, start, end)
        .map(ids -> json(Map.of("workflow_ids", ids)))
        .orElseGet(AdminEndpoints::scheduleNotFound);
  }

  private static AdminReply scheduleNotFound() {
    return AdminReply.text(404, "Schedule not found");
  }

  /** A schedule as DBOS Conductor's {@code ScheduleOutput} has it. */
  private static Map<String, Object> schedule(io.dbosj.WorkflowSchedule s) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("schedule_id", s.scheduleId());
    out.put("schedule_name", s.scheduleName());
    out.put("workflow_name", s.workflowName());
    out.put("workflow_class_name", s.workflowClassName());
    out.put("schedule", s.cron());
    out.put("status", s.status().name());
    out.put("context", s.context());
    out.put("last_fired_at", s.lastFiredAt() == null ? null : s.lastFiredAt().toString());
    out.put("automatic_backfill", s.automaticBackfill());
    out.put("cron_timezone", s.timeZone());
    out.put("queue_name", s.queueName());
    out.put("application_name", s.applicationName());
    return out;
  }

  /** {@code /workflows/{id}} and {@code /workflows/{id}/steps|events|messages|streams|cancel|resume|fork|delete}. */
  private AdminReply workflowPath(Request request) {
    String[] parts = request.path().split("/", -1);
    if (parts.length < 3 || parts.length > 4 || !parts[1].equals("workflows") || parts[2].isEmpty()) {
      return AdminReply.text(404, "no admin endpoint at " + request.path());
    }
    String id = URLDecoder.decode(parts[2], StandardCharsets.UTF_8);
    if (parts.length == 3) {
      return only("GET", request, () -> operations.workflow(id).map(w -> json(WorkflowsOutput.of(w, true, true)))
          .orElseGet(AdminReply::workflowNotFound));
    }
    String action = parts[3];
    if (!WORKFLOW_ACTIONS.contains(action)) {
      return AdminReply.text(404, "no admin endpoint at " + request.path());
    }
    return switch (action) {
      case "steps" -> only("GET", request, () -> operations.steps(id).map(this::steps).orElseGet(AdminReply::workflowNotFound));
      case "events" -> only("GET", request, () -> operations.events(id)
          .map(events -> json(CommunicationOutput.events(events))).orElseGet(AdminReply::workflowNotFound));
      case "messages" -> only("GET", request, () -> operations.pendingMessages(id)
          .map(messages -> json(CommunicationOutput.messages(messages))).orElseGet(AdminReply::workflowNotFound));
      case "streams" -> only("GET", request, () -> operations.streams(id)
          .map(streams -> json(CommunicationOutput.streams(streams))).orElseGet(AdminReply::workflowNotFound));
      case "cancel" -> only("POST", request, () -> done(operations.cancel(id)));
      case "resume" -> only("POST", request, () -> done(operations.resume(id)));
      case "delete" -> only("POST", request, () -> delete(id, request.json()));
      default -> only("POST", request, () -> fork(id, ForkRequest.parse(request.json())));
    };
  }

  private AdminReply only(String allowed, Request request, Supplier<AdminReply> action) {
    return request.method().equals(allowed) ? action.get() : AdminReply.methodNotAllowed(request.method(), allowed);
  }

  private AdminReply json(Object body) {
    return AdminReply.json(json.writeValueAsBytes(body));
  }

  private static AdminReply done(boolean found) {
    return found ? AdminReply.noContent() : AdminReply.workflowNotFound();
  }

  private AdminReply listWorkflows(ListWorkflowsRequest request) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (AdminWorkflow w : operations.listWorkflows(request.filter())) {
      out.add(WorkflowsOutput.of(w, request.loadInput(), request.loadOutput()));
    }
    return json(out);
  }

  private AdminReply cancelWorkflows(CancelWorkflowsRequest request) {
    try {
      return json(operations.cancel(request.filter(), request.options()));
    } catch (IllegalArgumentException e) {
      throw new BadRequest(
          "POST /workflows/cancel needs a filter, e.g. {\"status\": [\"PENDING\", \"ENQUEUED\"]} for every"
              + " unfinished workflow, or workflow_name, start_time, end_time, workflow_uuids, queue_name,"
              + " application_version: an empty one would cancel everything");
    }
  }

  private AdminReply listQueued(ListQueuedRequest request) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (AdminWorkflow w : request.select(operations.listWorkflows(request.filter()))) {
      out.add(WorkflowsOutput.of(w, request.loadInput(), false));
    }
    return json(out);
  }

  private AdminReply steps(List<StepInfo> steps) {
    return json(steps.stream().map(StepOutput::of).toList());
  }

  private AdminReply fork(String id, ForkRequest request) {
    Optional<String> forked =
        operations.fork(id, request.startStep(), request.newWorkflowId(), request.applicationVersion());
    return forked.map(forkId -> json(Map.of("workflow_id", forkId))).orElseGet(AdminReply::workflowNotFound);
  }

  /**
   * DBOS's global timeout: cancels every workflow not yet finished ({@code PENDING} or {@code
   * ENQUEUED}) that was created at or before {@code cutoff_epoch_timestamp_ms}.
   */
  private AdminReply globalTimeout(JsonNode body) {
    Long cutoff =
        RequestFields.of(body, List.of("cutoff_epoch_timestamp_ms"), "POST /dbos-global-timeout")
            .longInteger("cutoff_epoch_timestamp_ms");
    if (cutoff == null) {
      throw new BadRequest(
          "POST /dbos-global-timeout needs cutoff_epoch_timestamp_ms, epoch milliseconds, e.g."
              + " {\"cutoff_epoch_timestamp_ms\": 1767225600000}");
    }
    operations.globalTimeout(Instant.ofEpochMilli(cutoff));
    return AdminReply.noContent();
  }

  /**
   * DBOS's garbage collection: deletes the finished workflows created before {@code
   * cutoff_epoch_timestamp_ms} and beyond the {@code rows_threshold} newest; either, or both.
   */
  private AdminReply garbageCollect(JsonNode body) {
    String endpoint = "POST /dbos-garbage-collect";
    RequestFields fields = RequestFields.of(body, List.of("cutoff_epoch_timestamp_ms", "rows_threshold"), endpoint);
    Long cutoff = fields.longInteger("cutoff_epoch_timestamp_ms");
    Long rows = fields.longInteger("rows_threshold");
    if (cutoff == null && rows == null) {
      throw new BadRequest(
          endpoint + " needs cutoff_epoch_timestamp_ms (epoch milliseconds), rows_threshold (how many of the"
              + " newest workflows to keep), or both, e.g. {\"cutoff_epoch_timestamp_ms\": 1767225600000}");
    }
    operations.garbageCollect(cutoff == null ? null : Instant.ofEpochMilli(cutoff), rows);
    return AdminReply.noContent();
  }

  /** Deletes a finished workflow; with {@code "delete_children": true} its descendants too. */
  private AdminReply delete(String id, JsonNode body) {
    boolean children =
        RequestFields.of(body, List.of("delete_children"), "POST /workflows/{id}/delete").bool("delete_children", false);
    return operations.delete(id, children)
        .map(deleted -> json(Map.of("deleted", deleted)))
        .orElseGet(AdminReply::workflowNotFound);
  }

  private static List<String> executorIds(JsonNode body) {
    if (body == null || !body.isArray()) {
      throw new BadRequest("POST /dbos-workflow-recovery takes a JSON list of executor IDs, e.g. [\"exec-1\"]");
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode item : body) {
      if (!item.isString()) {
        throw new BadRequest("POST /dbos-workflow-recovery takes a JSON list of executor IDs (strings); it holds " + item);
      }
      ids.add(item.asString());
    }
    return ids;
  }
}
