package io.dbosj.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import javax.tools.JavaFileObject;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * {@code @Step(retryOn, noRetryFor, timeoutSeconds)}: a list of classes that would not do what it
 * says, or a negative timeout, is an error on the value as written.
 */
class StepOptionsValidationTest {

  private static JavaFileObject step(String annotation, String method) {
    return Sources.source(
        "com.example.A",
        "package com.example;",
        "import io.dbosj.annotation.Step;",
        "import java.io.FileNotFoundException;",
        "import java.io.IOException;",
        "public class A {",
        "  " + annotation,
        "  " + method,
        "}");
  }

  /**
   * The column javac reports for the class literal {@code literal} in {@code annotation} as
   * {@link #step} writes it: its '.', where the tree of {@code X.class} starts.
   */
  private static int at(String annotation, String literal) {
    return 3 + annotation.indexOf(literal) + Math.max(0, literal.indexOf(".class"));
  }

  /** The error is on {@code line} at {@code column}, and nothing was generated. */
  private static Compilation assertRejected(JavaFileObject source, String message, int line, int column) {
    GeneratedTypes generated = new GeneratedTypes();
    Compilation compilation = Compiler.javac().withProcessors(generated).compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLine(line).atColumn(column);
    Assertions.assertThat(generated.names()).isEmpty();
    return compilation;
  }

  @Test
  void retryOnWithOneAttemptIsRejectedAsPointless() {
    String annotation = "@Step(retryOn = IllegalStateException.class)";
    JavaFileObject source = step(annotation, "public void s() {}");

    Compilation compilation =
        assertRejected(
            source, "[dbos.retry-without-attempts] @Step(retryOn)", 6, at(annotation, "IllegalStateException.class"));
    assertThat(compilation).hadErrorContaining("maxAttempts is 1, so none ever is");
  }

  @Test
  void noRetryForWithOneAttemptIsRejectedAsPointless() {
    String annotation = "@Step(noRetryFor = {IllegalStateException.class})";
    JavaFileObject source = step(annotation, "public void s() {}");

    assertRejected(source, "[dbos.retry-without-attempts] @Step(noRetryFor)", 6, at(annotation, "{"));
  }

  @Test
  void anErrorInRetryOnIsRejectedOnItsOwnClass() {
    String annotation = "@Step(maxAttempts = 3, retryOn = {IllegalStateException.class, AssertionError.class})";
    JavaFileObject source = step(annotation, "public void s() {}");

    Compilation compilation =
        assertRejected(
            source, "[dbos.retry-on-error] java.lang.AssertionError is an Error", 6, at(annotation, "AssertionError.class"));
    assertThat(compilation).hadErrorContaining("a step never retries an Error");
  }

  @Test
  void aCheckedExceptionTheMethodCannotThrowIsRejected() {
    String annotation = "@Step(maxAttempts = 3, retryOn = IOException.class)";
    JavaFileObject source = step(annotation, "public void s() {}");

    Compilation compilation =
        assertRejected(
            source, "[dbos.never-thrown] java.io.IOException is a checked exception", 6, at(annotation, "IOException.class"));
    assertThat(compilation).hadErrorContaining("Declare it (throws java.io.IOException)");
  }

  @Test
  void aClassInBothListsIsRejectedOnNoRetryFor() {
    String annotation = "@Step(maxAttempts = 3, retryOn = IOException.class, noRetryFor = IOException.class)";
    JavaFileObject source = step(annotation, "public void s() throws IOException {}");

    assertRejected(
        source,
        "[dbos.retry-on-and-no-retry-for] java.io.IOException is in both",
        6,
        at(annotation, "IOException.class)"));
  }

  @Test
  void aClassInBothListsIsRejectedThoughItIsASubclassOfAnotherRetryOnClass() {
    String annotation =
        "@Step(maxAttempts = 3, retryOn = {IOException.class, FileNotFoundException.class},"
            + " noRetryFor = FileNotFoundException.class)";
    JavaFileObject source = step(annotation, "public void s() throws IOException {}");

    assertRejected(
        source,
        "[dbos.retry-on-and-no-retry-for] java.io.FileNotFoundException is in both",
        6,
        at(annotation, "FileNotFoundException.class)"));
  }

  @Test
  void aNoRetryForClassOutsideEveryRetryOnClassIsRejected() {
    String annotation =
        "@Step(maxAttempts = 3, retryOn = IOException.class, noRetryFor = IllegalStateException.class)";
    JavaFileObject source = step(annotation, "public void s() throws IOException {}");

    Compilation compilation =
        assertRejected(
            source, "[dbos.no-retry-for-outside-retry-on]", 6, at(annotation, "IllegalStateException.class"));
    assertThat(compilation)
        .hadErrorContaining("must be a subclass of a retryOn class (java.io.IOException)");
  }

  @Test
  void aNoRetryForClassWideningARetryOnClassIsRejected() {
    String annotation =
        "@Step(maxAttempts = 3, retryOn = FileNotFoundException.class, noRetryFor = IOException.class)";
    JavaFileObject source = step(annotation, "public void s() throws IOException {}");

    assertRejected(source, "[dbos.no-retry-for-outside-retry-on]", 6, at(annotation, " IOException.class"));
  }

  @Test
  void aNegativeTimeoutIsRejected() {
    String annotation = "@Step(timeoutSeconds = -0.5)";
    JavaFileObject source = step(annotation, "public void s() {}");

    assertRejected(source, "[dbos.step-timeout] @Step(timeoutSeconds = -0.5)", 6, at(annotation, "-0.5"));
  }

  @Test
  void aPrivateExceptionClassIsRejected() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Step;",
            "public class A {",
            "  private static class Busy extends RuntimeException {}",
            "  @Step(maxAttempts = 3, retryOn = Busy.class)",
            "  public void s() {}",
            "}");

    assertRejected(source, "[dbos.private-retry-class] com.example.A.Busy is private", 5, 40);
  }

  @Test
  void classesTheMethodCanThrowAreAccepted() {
    JavaFileObject source =
        step(
            "@Step(maxAttempts = 3, retryOn = {IOException.class, Exception.class, RuntimeException.class},"
                + " noRetryFor = {FileNotFoundException.class, IllegalStateException.class}, timeoutSeconds = 0.2)",
            "public void s() throws FileNotFoundException {}");

    assertThat(Sources.compile(Sources.STRICT, source)).succeededWithoutWarnings();
  }

  @Test
  void aDeprecatedExceptionClassIsNamedWithoutADeprecationWarning() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Step;",
            "public class A {",
            "  @Deprecated public static class OldBusy extends RuntimeException {",
            "    private static final long serialVersionUID = 1L;",
            "  }",
            "  @Step(maxAttempts = 3, retryOn = OldBusy.class)",
            "  public void s() {}",
            "}");

    assertThat(Sources.compile(Sources.STRICT, source)).succeededWithoutWarnings();
  }
}
