package io.dbosj.tests.support;

import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.opentest4j.TestAbortedException;

/** Provides the SQLite and PostgreSQL invocations of a {@link BothDatabases} test. */
final class BothDatabasesExtension implements TestTemplateInvocationContextProvider {
  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getRequiredTestMethod().isAnnotationPresent(BothDatabases.class);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    return Stream.of(invocation(TestDatabase.Kind.SQLITE), invocation(TestDatabase.Kind.POSTGRES));
  }

  private static TestTemplateInvocationContext invocation(TestDatabase.Kind kind) {
    return new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return "[" + kind.name().toLowerCase(java.util.Locale.ROOT) + "]";
      }

      @Override
      public List<Extension> getAdditionalExtensions() {
        return List.of(new DatabaseParameter(kind));
      }
    };
  }

  /** Creates the test's database before it runs and hands it to the test method. */
  private static final class DatabaseParameter
      implements ParameterResolver, BeforeEachCallback, AfterEachCallback {
    private final TestDatabase.Kind kind;
    private TestDatabase database;

    DatabaseParameter(TestDatabase.Kind kind) {
      this.kind = kind;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
      if (kind == TestDatabase.Kind.POSTGRES) {
        requirePostgres(context);
        database = TestDatabase.postgres();
      } else {
        database = TestDatabase.sqlite();
      }
    }

    @Override
    public void afterEach(ExtensionContext context) {
      database = null;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return database;
    }
  }

  /**
   * Probes PostgreSQL once per test run (the root context's store outlives every test class) and,
   * when it does not answer, shows the notice once on the console Maven prints.
   */
  static void requirePostgres(ExtensionContext context) {
    boolean reachable =
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.create(BothDatabasesExtension.class))
            .computeIfAbsent("postgres-reachable", key -> probeAndNotify(), Boolean.class);
    if (!reachable) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(
            "CI=true but PostgreSQL is not reachable at "
                + redactedPostgresUrl()
                + "; .ci/run must start it (or DBOSJ_TEST_POSTGRES_URL must name a running server)");
      }
      throw new TestAbortedException("PostgreSQL not reachable: PostgreSQL half skipped");
    }
  }

  private static boolean probeAndNotify() {
    boolean reachable = probePostgres();
    if (!reachable) {
      String notice =
          "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
              + "!! PostgreSQL is not reachable at "
              + redactedPostgresUrl()
              + "\n!! The PostgreSQL half of every test is SKIPPED. Run bash .ci/run, or set\n"
              + "!! DBOSJ_TEST_POSTGRES_URL, to test on PostgreSQL too.\n"
              + "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n";
      System.err.println(notice); // into the test class's report file, next to the skips
      if (OncePerRun.claim("postgres-skipped-notice")) {
        Console.show(notice); // once on Maven's console, however many test JVMs probed
      }
    }
    return reachable;
  }

  private static String redactedPostgresUrl() {
    return TestDatabase.configuredPostgresUrl().replaceAll(":[^:@/]*@", ":***@");
  }

  private static boolean probePostgres() {
    try {
      TestDatabase db = TestDatabase.postgres();
      try (Connection c = db.connect()) {
        return c.isValid(5);
      }
    } catch (Exception e) {
      return false;
    }
  }
}
