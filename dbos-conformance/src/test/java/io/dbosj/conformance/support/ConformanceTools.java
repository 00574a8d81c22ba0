package io.dbosj.conformance.support;

import java.util.Arrays;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.opentest4j.TestAbortedException;

/**
 * Gives a conformance test class, as parameters of its {@code @BeforeAll} method, what it runs
 * on: the PostgreSQL database ({@link ConformanceDatabase}, its {@code dbos} schema dropped) and
 * DBOS Transact TypeScript ({@link DbosTypeScript}, installed once per run). Each is probed once
 * per run (the root context's store outlives every test class); when one is missing, the console
 * says so once and the classes that need it are skipped, or, under {@code CI=true}, fail.
 */
public final class ConformanceTools implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConformanceTools.class);

  /** What a probe found: the tool ready to use, or why it cannot be. */
  private record Probe(Object tool, String missing) {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ConformanceDatabase.class || type == DbosTypeScript.class;
  }

  /** Skips (or under CI fails) the class before anything runs when a tool it needs is missing. */
  @Override
  public void beforeAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    require(store.computeIfAbsent("postgres", key -> probePostgres(), Probe.class));
    boolean needsDbosTypeScript = Arrays.stream(context.getRequiredTestClass().getDeclaredMethods())
        .flatMap(m -> Arrays.stream(m.getParameterTypes()))
        .anyMatch(type -> type == DbosTypeScript.class);
    if (needsDbosTypeScript) {
      require(store.computeIfAbsent("dbos-ts", key -> probeDbosTypeScript(), Probe.class));
    }
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    if (parameter.getParameter().getType() == DbosTypeScript.class) {
      return require(store.computeIfAbsent("dbos-ts", key -> probeDbosTypeScript(), Probe.class));
    }
    try {
      return ((ConformanceDatabase) require(store.computeIfAbsent("postgres", key -> probePostgres(), Probe.class)))
          .emptied();
    } catch (java.sql.SQLException e) {
      throw new ParameterResolutionException("could not drop the dbos schema of " + ConformanceDatabase.configured().maskedUrl(), e);
    }
  }

  private static Object require(Probe probe) {
    if (probe.missing() == null) {
      return probe.tool();
    }
    if (Console.underCi()) {
      throw new IllegalStateException("CI=true but " + probe.missing());
    }
    throw new TestAbortedException(probe.missing());
  }

  private static Probe probePostgres() {
    ConformanceDatabase db = ConformanceDatabase.configured();
    try (var c = db.connect()) {
      return c.isValid(10) ? new Probe(db, null) : new Probe(null, "PostgreSQL at " + db.maskedUrl() + " did not answer");
    } catch (Exception e) {
      String missing = "PostgreSQL is not reachable at " + db.maskedUrl() + ": " + e.getMessage();
      notice(missing, "the conformance tests with DBOS's tools are SKIPPED (set DBOSJ_TEST_POSTGRES_URL)");
      return new Probe(null, missing);
    }
  }

  private static Probe probeDbosTypeScript() {
    try {
      return new Probe(DbosTypeScript.installed(), null);
    } catch (ToolMissingException e) {
      String missing = e.getMessage() + ": install Node.js 20+ and npm (apt-get install nodejs npm)";
      notice(missing, "the conformance tests with DBOS Transact TypeScript are SKIPPED");
      return new Probe(null, missing);
    } catch (Exception e) {
      throw new IllegalStateException("installing @dbos-inc/dbos-sdk with npm failed: " + e.getMessage(), e);
    }
  }

  private static void notice(String missing, String consequence) {
    if (!Console.underCi()) {
      Console.show("\n!! " + missing + "\n!! " + consequence + "\n");
    }
  }
}
