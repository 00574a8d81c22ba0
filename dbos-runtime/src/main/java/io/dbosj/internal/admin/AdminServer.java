package io.dbosj.internal.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dbosj.DbosException;
import io.dbosj.WorkflowFilter;
import io.dbosj.WorkflowState;
import io.dbosj.internal.lifecycle.Service;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin HTTP server (JDK built-in, 127.0.0.1 by default): health, recovery of other
 * executors' workflows, queue metadata, and workflow management with JSON bodies. Every error is
 * a JSON {@code {"error": "..."}} with a fitting status, never a stack trace.
 */
public final class AdminServer implements Service {
  private static final Logger log = LoggerFactory.getLogger(AdminServer.class);

  private final AdminOperations operations;
  private final HttpServer server;
  private final ExecutorService handlers;
  private final JsonMapper json = JsonMapper.builder().build();

  private AdminServer(AdminOperations operations, HttpServer server, ExecutorService handlers) {
    this.operations = operations;
    this.server = server;
    this.handlers = handlers;
  }

  /**
   * Binds {@code host:port}, to serve once started; {@code null}, logged, if the port is taken.
   */
  public static AdminServer bind(AdminOperations operations, String host, int port) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      log.warn("admin server not started: cannot listen on {}:{} ({})", host, port, e.getMessage());
      return null;
    }
    ExecutorService handlers =
        Executors.newFixedThreadPool(
            2,
            task -> {
              Thread thread = new Thread(task, "dbos-admin");
              thread.setDaemon(true);
              return thread;
            });
    AdminServer admin = new AdminServer(operations, server, handlers);
    server.createContext("/", admin::handle);
    server.setExecutor(handlers);
    return admin;
  }

  @Override
  public String name() {
    return "admin server";
  }

  @Override
  public void start() {
    server.start();
    log.info("admin server listening on http://{}:{}", server.getAddress().getHostString(), port());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public boolean stop(Duration timeout) throws InterruptedException {
    server.stop(0);
    handlers.shutdownNow();
    return handlers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private record Reply(int status, Object body) {}

  private void handle(HttpExchange exchange) throws IOException {
    Reply reply;
    try {
      reply = route(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestBody());
    } catch (BadRequest e) {
      reply = new Reply(400, error(e.getMessage()));
    } catch (JacksonException e) {
      reply = new Reply(400, error("the request body is not valid JSON: " + e.getOriginalMessage()));
    } catch (IllegalArgumentException e) {
      reply = new Reply(400, error(e.getMessage()));
    } catch (io.dbosj.SystemDatabaseUnreachableException e) {
      reply = new Reply(503, error(e.getMessage())); // the server's trouble, for the client to retry
    } catch (io.dbosj.UnreadableRowException e) {
      log.warn("admin request {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.getMessage());
      reply = new Reply(500, error(e.getMessage())); // bad stored data, not a bad request
    } catch (DbosException e) {
      reply = new Reply(e.getMessage().startsWith("no workflow with ID") ? 404 : 500, error(e.getMessage()));
    } catch (RuntimeException e) {
      log.error("admin request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      reply = new Reply(500, error("internal error: " + e));
    }
    byte[] body = json.writeValueAsBytes(reply.body());
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (reply.status() == 405) {
      exchange.getResponseHeaders().set("Allow", ((Map<?, ?>) reply.body()).get("allow").toString());
    }
    exchange.sendResponseHeaders(reply.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private Reply route(String method, String path, InputStream body) {
    List<String> parts = new ArrayList<>(List.of(path.replaceAll("^/+|/+$", "").split("/")));
    if (path.equals("/dbos-healthz")) {
      return expect(method, "GET", () -> Map.of("status", "healthy"));
    }
    if (path.equals("/dbos-workflow-queues-metadata")) {
      return expect(method, "GET", operations::queueMetadata);
    }
    if (path.equals("/dbos-executors")) {
      return expect(method, "GET", operations::executors);
    }
    if (path.equals("/dbos-workflow-recovery")) {
      return expect(method, "POST", () -> operations.recoverExecutors(stringList(read(body))));
    }
    if (parts.get(0).equals("workflows")) {
      if (parts.size() == 1) {
        return expect(method, "POST", () -> WorkflowsOutput.of(operations.listWorkflows(filter(read(body)))));
      }
      String id = parts.get(1);
      if (parts.size() == 2) {
        return expect(method, "GET", () -> WorkflowsOutput.of(operations.workflow(id)));
      }
      if (parts.size() == 3) {
        switch (parts.get(2)) {
          case "steps":
            return expect(method, "GET", () -> operations.steps(id));
          case "cancel":
            return expect(method, "POST", () -> Map.of("workflow_id", id, "cancelled", operations.cancel(id)));
          case "resume":
            return expect(method, "POST", () -> Map.of("workflow_id", operations.resume(id)));
          case "fork":
            return expect(method, "POST", () -> fork(id, read(body)));
          default:
            break;
        }
      }
    }
    return new Reply(404, error("no admin endpoint at " + path));
  }

  private Reply expect(String method, String allowed, java.util.function.Supplier<Object> action) {
    if (!method.equals(allowed)) {
      Map<String, Object> body = new LinkedHashMap<>(error(method + " is not allowed here; use " + allowed));
      body.put("allow", allowed);
      return new Reply(405, body);
    }
    return new Reply(200, action.get());
  }

  private Object fork(String id, JsonNode body) {
    if (body == null || !body.has("start_step") || !body.get("start_step").canConvertToInt()) {
      throw new BadRequest("fork needs a JSON body with \"start_step\" (an integer), e.g. {\"start_step\": 2}");
    }
    String forkId = body.hasNonNull("new_workflow_id") ? body.get("new_workflow_id").asString() : null;
    return Map.of("workflow_id", operations.fork(id, body.get("start_step").asInt(), forkId));
  }

  private WorkflowFilter filter(JsonNode body) {
    WorkflowFilter filter = WorkflowFilter.all();
    if (body == null) {
      return filter;
    }
    if (!body.isObject()) {
      throw new BadRequest("the filter must be a JSON object, e.g. {\"status\": [\"ERROR\"], \"limit\": 20}");
    }
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      JsonNode value = field.getValue();
      switch (field.getKey()) {
        case "workflow_ids" -> filter = filter.workflowIds(stringList(value).toArray(new String[0]));
        case "name" -> filter = filter.name(value.asString());
        case "status" -> filter = filter.states(states(value));
        case "start_time" -> filter = filter.createdAfter(instant(value, "start_time"));
        case "end_time" -> filter = filter.createdBefore(instant(value, "end_time"));
        case "application_version" -> filter = filter.appVersion(value.asString());
        case "queue_name" -> filter = filter.queueName(value.asString());
        case "limit" -> filter = filter.limit(integer(value, "limit"));
        case "offset" -> filter = filter.offset(integer(value, "offset"));
        case "sort_desc" -> filter = filter.newestFirst(value.asBoolean());
        default -> throw new BadRequest(
            "unknown filter \"" + field.getKey() + "\"; use workflow_ids, name, status, start_time,"
                + " end_time, application_version, queue_name, limit, offset, sort_desc");
      }
    }
    return filter;
  }

  private static WorkflowState[] states(JsonNode value) {
    List<WorkflowState> states = new ArrayList<>();
    for (String name : stringList(value)) {
      try {
        states.add(WorkflowState.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw new BadRequest(
            "unknown status \"" + name + "\"; use one of " + java.util.Arrays.toString(WorkflowState.values()));
      }
    }
    return states.toArray(new WorkflowState[0]);
  }

  private static Instant instant(JsonNode value, String field) {
    try {
      return Instant.parse(value.asString());
    } catch (java.time.format.DateTimeParseException e) {
      throw new BadRequest(field + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
    }
  }

  private static int integer(JsonNode value, String field) {
    if (!value.canConvertToInt()) {
      throw new BadRequest(field + " must be an integer");
    }
    return value.asInt();
  }

  private static List<String> stringList(JsonNode value) {
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (value.isString()) {
      return List.of(value.asString());
    }
    if (!value.isArray()) {
      throw new BadRequest("expected a JSON list of strings");
    }
    List<String> list = new ArrayList<>();
    value.forEach(item -> list.add(item.asString()));
    return list;
  }

  private JsonNode read(InputStream body) {
    try {
      String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
      return text.isBlank() ? null : json.readTree(text);
    } catch (IOException e) {
      throw new BadRequest("cannot read the request body: " + e.getMessage());
    }
  }

  private static Map<String, Object> error(String message) {
    return Map.of("error", message);
  }

  /** A request that names something wrongly: answered 400 with the message. */
  private static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message, null, false, false);
    }
  }
}
