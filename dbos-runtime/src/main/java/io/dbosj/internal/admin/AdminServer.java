package io.dbosj.internal.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dbosj.ConflictingWorkflowException;
import io.dbosj.DbosException;
import io.dbosj.SystemDatabaseUnreachableException;
import io.dbosj.UnfinishedWorkflowException;
import io.dbosj.UnreadableRowException;
import io.dbosj.internal.lifecycle.Service;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
 * The admin HTTP server (JDK built-in, 127.0.0.1 by default), speaking DBOS's admin API (see
 * {@link AdminEndpoints}). Results are JSON; errors are plain text with a fitting status, never a
 * stack trace.
 */
public final class AdminServer implements Service {
  private static final Logger log = LoggerFactory.getLogger(AdminServer.class);

  private final AdminEndpoints endpoints;
  private final HttpServer server;
  private final ExecutorService handlers;
  private final JsonMapper json = JsonMapper.builder().build();

  private AdminServer(AdminOperations operations, HttpServer server, ExecutorService handlers) {
    this.endpoints = new AdminEndpoints(operations);
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

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    AdminReply reply;
    try {
      reply = endpoints.answer(new HttpRequest(exchange));
    } catch (UnsupportedMediaType e) {
      reply = AdminReply.text(415, "Unsupported Media Type");
    } catch (BadRequest e) {
      reply = AdminReply.text(400, e.getMessage());
    } catch (SystemDatabaseUnreachableException e) {
      reply = AdminReply.text(503, e.getMessage()); // the server's trouble, for the client to retry
    } catch (UnreadableRowException e) {
      log.warn("admin request {} {}: {}", method, exchange.getRequestURI(), e.getMessage());
      reply = AdminReply.text(500, e.getMessage()); // bad stored data, not a bad request
    } catch (IllegalArgumentException e) {
      reply = AdminReply.text(400, e.getMessage());
    } catch (ConflictingWorkflowException e) {
      reply = AdminReply.text(409, e.getMessage()); // a fork's new_workflow_id that is taken
    } catch (UnfinishedWorkflowException e) {
      reply = AdminReply.text(409, e.getMessage()); // a delete of a workflow still running
    } catch (DbosException e) {
      reply = AdminReply.text(500, e.getMessage());
    } catch (RuntimeException e) {
      log.error("admin request {} {} failed", method, exchange.getRequestURI(), e);
      reply = AdminReply.text(500, "internal error: " + e);
    }
    if (reply.contentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    }
    if (reply.allow() != null) {
      exchange.getResponseHeaders().set("Allow", reply.allow());
    }
    boolean empty = reply.body().length == 0;
    exchange.sendResponseHeaders(reply.status(), empty ? -1 : reply.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(reply.body());
    }
  }

  /** A request as the endpoints read it; its body is read and parsed when first asked for. */
  private final class HttpRequest implements AdminEndpoints.Request {
    private final HttpExchange exchange;
    private JsonNode body;
    private boolean read;

    HttpRequest(HttpExchange exchange) {
      this.exchange = exchange;
    }

    @Override
    public String method() {
      return exchange.getRequestMethod();
    }

    @Override
    public String path() {
      return exchange.getRequestURI().getRawPath();
    }

    @Override
    public JsonNode json() {
      if (!read) {
        read = true;
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && !type.startsWith("application/json")) {
          throw new UnsupportedMediaType(); // as DBOS; a body without a type is read as JSON
        }
        body = parse(exchange.getRequestBody());
      }
      return body;
    }
  }

  private JsonNode parse(InputStream in) {
    String text;
    try {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadRequest("cannot read the request body: " + e.getMessage());
    }
    try {
      return text.isBlank() ? null : json.readTree(text);
    } catch (JacksonException e) {
      throw new BadRequest("the request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** A body that says it is not JSON: answered 415, as DBOS does. */
  private static final class UnsupportedMediaType extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsupportedMediaType() {
      super(null, null, false, false);
    }
  }
}
