package io.dbosj.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.List;
import javax.tools.JavaFileObject;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Each mistake is an error on the element it is about, with its tag and how to fix it. */
class ValidationTest {

  private static Compilation compile(JavaFileObject source) {
    return Sources.compile(List.of(), source);
  }

  /** The error is on {@code line} of {@code source}, and no durable class was written for it. */
  private static void assertRejected(JavaFileObject source, String message, int line) {
    GeneratedTypes generated = new GeneratedTypes();
    Compilation compilation = compileRecording(generated, source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLine(line);
    Assertions.assertThat(generated.names()).isEmpty();
  }

  private static Compilation compileRecording(GeneratedTypes generated, JavaFileObject... sources) {
    return Compiler.javac().withProcessors(generated).compile(sources);
  }

  @Test
  void aFinalMethodIsRejected() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Workflow;",
            "public class A {",
            "  @Workflow",
            "  public final void run() {}",
            "}");
    assertRejected(source, "[dbos.final-method]", 5);
    assertThat(compile(source)).hadErrorContaining("Remove 'final'");
  }

  @Test
  void aPrivateMethodIsRejected() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Step;",
            "public class A {",
            "  @Step",
            "  private void run() {}",
            "}");
    assertRejected(source, "[dbos.private-method]", 5);
  }

  @Test
  void aStaticMethodIsRejected() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Step;",
            "public class A {",
            "  @Step",
            "  public static void run() {}",
            "}");
    assertRejected(source, "[dbos.static-method]", 5);
  }

  @Test
  void anAbstractMethodIsRejected() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Workflow;",
            "public abstract class A {",
            "  @Workflow",
            "  public abstract void run();",
            "}");
    assertRejected(source, "[dbos.abstract-method]", 5);
    assertThat(compile(source)).hadErrorContaining("give the method an implementation");
  }

  @Test
  void aFinalClassIsRejected() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Workflow;",
            "public final class A {",
            "  @Workflow",
            "  public void run() {}",
            "}");
    assertRejected(source, "[dbos.final-class]", 3);
  }

  @Test
  void anAbstractClassIsRejected() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Workflow;",
            "public abstract class A {",
            "  @Workflow",
            "  public void run() {}",
            "}");
    assertRejected(source, "[dbos.abstract-class]", 3);
  }

  @Test
  void aNonStaticInnerClassIsRejected() {
    JavaFileObject source =
        Sources.source(
            "com.example.Outer",
            "package com.example;",
            "import io.dbosj.annotation.Workflow;",
            "public class Outer {",
            "  public class Inner {",
            "    @Workflow",
            "    public void run() {}",
            "  }",
            "}");
    assertRejected(source, "[dbos.inner-class]", 4);
  }

  @Test
  void aPrivateNestedClassIsRejected() {
    JavaFileObject source =
        Sources.source(
            "com.example.Outer",
            "package com.example;",
            "import io.dbosj.annotation.Workflow;",
            "public class Outer {",
            "  private static class Hidden {",
            "    @Workflow",
            "    public void run() {}",
            "  }",
            "}");
    assertRejected(source, "[dbos.private-class]", 4);
  }

  @Test
  void aClassWithOnlyPrivateConstructorsIsRejected() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Workflow;",
            "public class A {",
            "  private A() {}",
            "  @Workflow",
            "  public void run() {}",
            "}");
    assertRejected(source, "[dbos.no-constructor]", 3);
  }

  @Test
  void twoDurableMethodsWithOneNameAreRejectedOnTheSecond() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Step;",
            "import io.dbosj.annotation.Workflow;",
            "public class A {",
            "  @Workflow",
            "  public void run() {}",
            "  @Step(name = \"run\")",
            "  public void other() {}",
            "}");
    // on the name as written, so the IDE underlines "run"
    assertRejected(source, "[dbos.duplicate-name]", 7);
  }

  @Test
  void overloadsWithoutDistinctNamesAreRejected() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Workflow;",
            "public class A {",
            "  @Workflow",
            "  public void run() {}",
            "  @Workflow",
            "  public void run(int times) {}",
            "}");
    assertRejected(source, "Set a distinct one", 7);
  }

  @Test
  void stepAndWorkflowOnOneMethodAreRejected() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Step;",
            "import io.dbosj.annotation.Workflow;",
            "public class A {",
            "  @Workflow @Step",
            "  public void run() {}",
            "}");
    assertRejected(source, "[dbos.step-and-workflow]", 5);
    assertThat(compile(source)).hadErrorContaining("[dbos.step-and-workflow]").inFile(source).onLine(5).atColumn(13);
  }

  @Test
  void aGenericMethodIsRejected() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Workflow;",
            "public class A {",
            "  @Workflow",
            "  public <T> T run(T value) { return value; }",
            "}");
    assertRejected(source, "[dbos.generic-method]", 5);
  }

  @Test
  void aGenericClassIsRejected() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Workflow;",
            "public class A<T> {",
            "  @Workflow",
            "  public void run() {}",
            "}");
    assertRejected(source, "[dbos.generic-class]", 3);
  }

  @Test
  void anAnnotatedInterfaceMethodIsRejected() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Workflow;",
            "public interface A {",
            "  @Workflow",
            "  void run();",
            "}");
    assertRejected(source, "[dbos.not-a-class]", 5);
    assertThat(compile(source)).hadErrorContaining("this is an interface. Move the annotated method");
  }

  @Test
  void anAnnotatedEnumMethodIsRejected() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Step;",
            "public enum A {",
            "  ONE;",
            "  @Step",
            "  public void run() {}",
            "}");
    assertRejected(source, "[dbos.not-a-class]", 6);
    assertThat(compile(source)).hadErrorContaining("this is an enum");
  }

  @Test
  void anAnnotatedRecordMethodIsRejected() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Workflow;",
            "public record A(String name) {",
            "  @Workflow",
            "  public void run() {}",
            "}");
    assertRejected(source, "[dbos.not-a-class]", 5);
    assertThat(compile(source)).hadErrorContaining("this is a record");
  }

  @Test
  void badStepAndWorkflowOptionsAreRejected() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Step;",
            "import io.dbosj.annotation.Workflow;",
            "public class A {",
            "  @Step(maxAttempts = 0, intervalSeconds = -1, backoffRate = 0.5)",
            "  public void step() {}",
            "  @Workflow(maxRecoveryAttempts = 0)",
            "  public void run() {}",
            "}");
    GeneratedTypes generated = new GeneratedTypes();
    Compilation compilation = compileRecording(generated, source);
    // each on its value as written, so the IDE underlines 0, -1 and 0.5
    assertThat(compilation).hadErrorContaining("[dbos.max-attempts] @Step(maxAttempts = 0)")
        .inFile(source).onLine(5).atColumn(23);
    assertThat(compilation).hadErrorContaining("[dbos.interval] @Step(intervalSeconds = -1.0)")
        .inFile(source).onLine(5).atColumn(44);
    assertThat(compilation).hadErrorContaining("[dbos.backoff-rate] @Step(backoffRate = 0.5)")
        .inFile(source).onLine(5).atColumn(62);
    assertThat(compilation)
        .hadErrorContaining("[dbos.max-recovery-attempts] @Workflow(maxRecoveryAttempts = 0)")
        .inFile(source).onLine(7).atColumn(35);
    Assertions.assertThat(generated.names()).isEmpty();
  }

  @Test
  void aTransactionThatIsAlsoAStepIsRejected() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Step;",
            "import io.dbosj.annotation.Transaction;",
            "public class A {",
            "  @Transaction @Step",
            "  public void insert() {}",
            "}");
    assertRejected(source, "[dbos.step-and-workflow]", 5);
    assertThat(compile(source)).hadErrorContaining("@Transaction to run it in one database transaction");
  }

  @Test
  void aCronThatDoesNotParseIsRejectedWithAnExample() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Scheduled;",
            "import io.dbosj.annotation.Workflow;",
            "import java.time.Instant;",
            "public class A {",
            "  @Workflow @Scheduled(\"61 * * * *\")",
            "  public void tick(Instant scheduledTime, Instant actualTime) {}",
            "  @Workflow @Scheduled(cron = \"* * *\")",
            "  public void tock(Instant scheduledTime, Instant actualTime) {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("[dbos.bad-cron]").inFile(source).onLine(6).atColumn(24);
    assertThat(compilation).hadErrorContaining("Value 61 not in range").inFile(source).onLine(6);
    assertThat(compilation).hadErrorContaining("it has 3 fields, not 5 or 6").inFile(source).onLine(8).atColumn(31);
    assertThat(compilation).hadErrorContaining("@Scheduled(\"*/5 * * * * *\") runs every five seconds");
  }

  @Test
  void aScheduleNeedsExactlyOneCronAWorkflowAndTwoInstants() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Scheduled;",
            "import io.dbosj.annotation.Step;",
            "import io.dbosj.annotation.Workflow;",
            "import java.time.Instant;",
            "public class A {",
            "  @Workflow @Scheduled(value = \"* * * * *\", cron = \"* * * * *\")",
            "  public void both(Instant scheduledTime, Instant actualTime) {}",
            "  @Workflow @Scheduled",
            "  public void neither(Instant scheduledTime, Instant actualTime) {}",
            "  @Step @Scheduled(\"* * * * *\")",
            "  public void step(Instant scheduledTime, Instant actualTime) {}",
            "  @Workflow @Scheduled(\"* * * * *\")",
            "  public void wrongParameters(long scheduledTime) {}",
            "  @Workflow @Scheduled(value = \"* * * * *\", zone = \"Mars/Olympus\", maxCatchUp = -1)",
            "  public void badZone(Instant scheduledTime, Instant actualTime) {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("[dbos.cron-twice]").inFile(source).onLine(7).atColumn(52);
    assertThat(compilation).hadErrorContaining("not both").inFile(source).onLine(7);
    assertThat(compilation).hadErrorContaining("[dbos.scheduled-cron]").inFile(source).onLine(9).atColumn(13);
    assertThat(compilation).hadErrorContaining("[dbos.scheduled-not-workflow]").inFile(source).onLine(11);
    assertThat(compilation).hadErrorContaining("[dbos.scheduled-parameters]").inFile(source).onLine(14);
    assertThat(compilation).hadErrorContaining("[dbos.bad-zone]").inFile(source).onLine(15).atColumn(52);
    assertThat(compilation).hadErrorContaining("[dbos.max-catch-up] @Scheduled(maxCatchUp = -1)")
        .inFile(source).onLine(15).atColumn(81);
  }

  @Test
  void everyProblemOfAClassIsReportedAtOnce() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Step;",
            "import io.dbosj.annotation.Workflow;",
            "public final class A {",
            "  @Workflow",
            "  public final void run() {}",
            "  @Step",
            "  public static void step() {}",
            "  @Step(maxAttempts = 0)",
            "  public void run(int times) {}",
            "  @Workflow",
            "  public <T> T echo(T value) { return value; }",
            "}");
    GeneratedTypes generated = new GeneratedTypes();
    Compilation compilation = compileRecording(generated, source);
    assertThat(compilation).hadErrorCount(6);
    assertThat(compilation).hadErrorContaining("[dbos.final-class]").inFile(source).onLine(4);
    assertThat(compilation).hadErrorContaining("[dbos.final-method]").inFile(source).onLine(6);
    assertThat(compilation).hadErrorContaining("[dbos.static-method]").inFile(source).onLine(8);
    assertThat(compilation).hadErrorContaining("[dbos.duplicate-name]").inFile(source).onLine(10);
    assertThat(compilation).hadErrorContaining("[dbos.max-attempts]").inFile(source).onLine(9);
    assertThat(compilation).hadErrorContaining("[dbos.generic-method]").inFile(source).onLine(12);
    Assertions.assertThat(generated.names()).isEmpty();
  }

  @Test
  void aBrokenClassDoesNotStopAnotherFromBeingGenerated() {
    JavaFileObject broken =
        Sources.source(
            "com.example.Broken",
            "package com.example;",
            "import io.dbosj.annotation.Workflow;",
            "public class Broken {",
            "  @Workflow",
            "  public final void run() {}",
            "}");
    JavaFileObject fine =
        Sources.source(
            "com.example.Fine",
            "package com.example;",
            "import io.dbosj.annotation.Workflow;",
            "public class Fine {",
            "  @Workflow",
            "  public void run() {}",
            "}");
    GeneratedTypes generated = new GeneratedTypes();
    Compilation compilation = compileRecording(generated, broken, fine);

    assertThat(compilation).hadErrorContaining("[dbos.final-method]").inFile(broken).onLine(5);
    Assertions.assertThat(generated.names()).containsExactly("com.example.FineDurable");
  }

  @Test
  void aMethodNamedStartIsRejectedWithAnyParameters() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Workflow;",
            "public class A {",
            "  @Workflow",
            "  public void run() {}",
            "  public String start(io.dbosj.StartOptions options) { return \"\"; }",
            "}");
    assertRejected(source, "[dbos.reserved-method-name]", 6);
    assertThat(compile(source)).hadErrorContaining("Rename the method");
  }

  @Test
  void aDurableMethodNamedEnqueueIsRejected() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Step;",
            "public class A {",
            "  @Step",
            "  public void enqueue(int item) {}",
            "}");
    assertRejected(source, "[dbos.reserved-method-name]", 5);
    assertThat(compile(source)).hadErrorContaining("@Workflow(name = \"enqueue\")");
  }

  @Test
  void anInheritedMethodNamedStartIsRejectedOnTheClass() {
    JavaFileObject base =
        Sources.source(
            "com.example.Base",
            "package com.example;",
            "public class Base {",
            "  public final void start(io.dbosj.StartOptions options) {}",
            "}");
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Workflow;",
            "public class A extends Base {",
            "  @Workflow",
            "  public void run() {}",
            "}");
    GeneratedTypes generated = new GeneratedTypes();
    Compilation compilation = compileRecording(generated, base, source);
    assertThat(compilation)
        .hadErrorContaining("[dbos.reserved-method-name]")
        .inFile(source)
        .onLine(3);
    assertThat(compilation).hadErrorContaining("inherits one from com.example.Base. Rename it there");
    Assertions.assertThat(generated.names()).isEmpty();
  }

  @Test
  void aNestedTypeNamedStarterIsRejected() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Workflow;",
            "public class A {",
            "  public static final class Starter {}",
            "  @Workflow",
            "  public void run(Starter starter) {}",
            "}");
    assertRejected(source, "[dbos.reserved-type-name]", 4);
    assertThat(compile(source)).hadErrorContaining("Rename the nested type");
  }

  @Test
  void aNestedTypeNamedLikeARuntimeTypeDoesNotHideIt() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Workflow;",
            "public class A {",
            "  public static final class Queue {}",
            "  public static final class TypeToken {}",
            "  @Workflow",
            "  public void run(Queue queue) {}",
            "}");
    assertThat(Sources.compile(Sources.STRICT, source)).succeededWithoutWarnings();
  }
}
