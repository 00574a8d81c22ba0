package io.dbosj.examples.web;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Consumer;

/**
 * The examples' small Javalin glue: serves routes on {@code $PORT} (8000 by default) and, on
 * Ctrl+C or SIGTERM, stops accepting requests and closes DBOS, leaving running workflows to the
 * next start's recovery (nothing is marked failed).
 */
public final class WebServer {
  private WebServer() {}

  /** Serves {@code routes} until the JVM is asked to stop. */
  public static void serve(DBOS dbos, Consumer<RoutesConfig> routes) {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8000"));
    Javalin server =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              routes.accept(config.routes);
            });
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // DBOS first: running workflows stop where they are and stay PENDING for the
                  // next start, instead of the server waiting for their requests to finish.
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
}
