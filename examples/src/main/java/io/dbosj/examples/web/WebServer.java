package io.dbosj.examples.web;

import io.dbosj.ConflictingWorkflowException;
import io.dbosj.DBOS;
import io.dbosj.DbosException;
import io.dbosj.NoSuchWorkflowException;
import io.dbosj.QueueDeduplicatedException;
import io.dbosj.StartOptions;
import io.dbosj.SystemDatabaseUnreachableException;
import io.dbosj.WorkflowCancelledException;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The examples' small Javalin glue: serves routes on {@code $PORT} (8000 by default) and, on
 * Ctrl+C or SIGTERM, closes DBOS and stops the server, leaving running workflows to the next
 * start's recovery (nothing is marked failed).
 *
 * <p>A request whose workflow ends without a result answers with a status that says why, and a
 * one-line body, not a stack trace: 404 when a message is sent to a workflow ID that does not
 * exist; 409 when the workflow was cancelled (by {@code dbos workflow cancel}, or because its
 * timeout passed) or the idempotency key names another workflow or queued duplicate; 503 when the system database is unreachable or the app is stopping (the workflow
 * stays {@code PENDING}: retry with the same {@code dbos-idempotency-key} once it is back).
 */
public final class WebServer {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  private WebServer() {}

  /** Serves {@code routes} until the JVM is asked to stop. */
  public static void serve(DBOS dbos, Consumer<RoutesConfig> routes) {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8000"));
    AtomicBoolean stopping = new AtomicBoolean();
    Javalin server =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              routes.accept(config.routes);
              mapDbosExceptions(config.routes, stopping);
            });
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopping.set(true);
                  // DBOS first: running workflows stop where they are and stay PENDING for the
                  // next start, instead of the server waiting for their requests to finish. The
                  // requests waiting on them then answer 503 (below), and the server stops.
                  dbos.close();
                  server.stop();
                },
                "shutdown"));
    server.start(port);
    System.out.println("Listening on http://localhost:" + server.port());
  }

  /**
   * The request's workflow options: its {@code dbos-idempotency-key} header, when present, is the
   * workflow ID, so a retried request never runs the workflow twice.
   */
  public static StartOptions options(Context ctx) {
    return StartOptions.idempotencyKey(ctx.header(StartOptions.IDEMPOTENCY_KEY_HEADER));
  }

  private static void mapDbosExceptions(RoutesConfig routes, AtomicBoolean stopping) {
    routes.exception(
        WorkflowCancelledException.class,
        (e, ctx) -> answer(ctx, HttpStatus.CONFLICT, "Workflow " + e.workflowId() + " was cancelled"));
    routes.exception(NoSuchWorkflowException.class, (e, ctx) -> answer(ctx, HttpStatus.NOT_FOUND, e.getMessage()));
    routes.exception(ConflictingWorkflowException.class, (e, ctx) -> answer(ctx, HttpStatus.CONFLICT, e.getMessage()));
    routes.exception(QueueDeduplicatedException.class, (e, ctx) -> answer(ctx, HttpStatus.CONFLICT, e.getMessage()));
    routes.exception(
        SystemDatabaseUnreachableException.class,
        (e, ctx) -> answer(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    routes.exception(
        DbosException.class,
        (e, ctx) -> {
          if (!stopping.get()) {
            // a failure of the app's own: its stack trace belongs in the log, as the server's
            // default handler would write it
            LOG.warn("Uncaught exception", e);
            answer(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "Server Error");
            return;
          }
          answer(
              ctx,
              HttpStatus.SERVICE_UNAVAILABLE,
              "The app is stopping; the workflow stays PENDING and resumes at its next start");
        });
  }

  private static void answer(Context ctx, HttpStatus status, String message) {
    ctx.status(status).result(message + "\n");
  }
}
