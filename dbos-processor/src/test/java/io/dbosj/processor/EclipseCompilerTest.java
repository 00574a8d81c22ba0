package io.dbosj.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The processor under the Eclipse compiler (ECJ), which Eclipse IDEs and some builds use instead
 * of javac: the same generated code, compiling without warnings, and the same errors on the same
 * lines.
 */
class EclipseCompilerTest {
  @TempDir Path work;

  static Stream<String> cases() throws IOException {
    return GoldenSourcesTest.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theGoldenSourcesGenerateTheSameCodeWithoutWarnings(String goldenCase) throws IOException {
    Ecj.Result result = Ecj.compile(work, Ecj.STRICT, Ecj.goldenInputs(goldenCase));

    assertThat(result.success()).as(result.describe()).isTrue();
    assertThat(result.problemsInGeneratedCode()).as(result.describe()).isEmpty();
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> paths = Files.list(Sources.goldenRoot().resolve(goldenCase).resolve("expected"))) {
      for (Path path : paths.toList()) {
        expected.put(path.getFileName().toString(), Sources.read(path));
      }
    }
    assertThat(result.generatedSources()).isEqualTo(expected);
  }

  @Test
  void errorsAreReportedOnTheSameLinesAsUnderJavac() {
    Ecj.Result result =
        Ecj.compile(
            work,
            Ecj.STRICT,
            Map.of(
                "com/example/A.java",
                String.join(
                    "\n",
                    "package com.example;",
                    "import io.dbosj.annotation.Scheduled;",
                    "import io.dbosj.annotation.Step;",
                    "import io.dbosj.annotation.Workflow;",
                    "import java.time.Instant;",
                    "public class A {",
                    "  @Workflow",
                    "  public final void run() {}",
                    "  @Step(maxAttempts = 0)",
                    "  public void step() {}",
                    "  @Workflow(name = \"run\")",
                    "  public void other() {}",
                    "  @Workflow @Scheduled(\"not a cron\")",
                    "  public void tick(Instant scheduledTime, Instant actualTime) {}",
                    "  @Workflow",
                    "  public Receipt charge(Receipt receipt) { return receipt; }",
                    "  public static class Receipt {",
                    "    Receipt(String id) {}",
                    "    public String getId() { return \"\"; }",
                    "  }",
                    "}")));

    assertThat(result.success()).isFalse();
    result.assertError("[dbos.final-method]", "A.java", 8);
    result.assertError("[dbos.max-attempts]", "A.java", 9);
    result.assertError("[dbos.duplicate-name]", "A.java", 11);
    result.assertError("[dbos.bad-cron]", "A.java", 13);
    result.assertError("[dbos.no-creator] parameter 'receipt' of workflow charge()", "A.java", 16);
    result.assertError("[dbos.no-creator] the result of charge()", "A.java", 16);
    assertThat(result.generatedSources()).isEmpty();
  }

  /**
   * The command line the README gives, run as a user runs it: {@code java -jar ecj.jar} in a JVM
   * of its own, so the processor is found only through {@code --processor-module-path} (ECJ 3.46's
   * batch compiler ignores {@code -processorpath}), never through the test's class path.
   */
  @Test
  void theReadmesCommandLineGeneratesAndCompilesTheDurableClass() throws Exception {
    Path src = work.resolve("src/com/shop");
    Files.createDirectories(src);
    Files.writeString(
        src.resolve("Shop.java"),
        String.join(
            "\n",
            "package com.shop;",
            "import io.dbosj.DBOS;",
            "import io.dbosj.annotation.Step;",
            "import io.dbosj.annotation.Workflow;",
            "public class Shop {",
            "  @Step public int price(String sku) { return sku.length(); }",
            "  @Workflow public int checkout(String sku) { return price(sku); }",
            "  static Shop open(DBOS dbos) { return new ShopDurable(dbos); }",
            "}"),
        StandardCharsets.UTF_8);
    List<String> classPath =
        Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
    // the processor with what its shaded jar holds, and the annotations it depends on
    List<String> processorPath =
        classPath.stream()
            .filter(
                entry ->
                    entry.contains("dbos-processor" + File.separator + "target" + File.separator + "classes")
                        || entry.contains("dbos-annotations")
                        || entry.contains("dbos-cron")
                        || entry.contains("cron-utils")
                        || entry.contains("javapoet"))
            .toList();
    List<String> userClassPath =
        classPath.stream()
            .filter(entry -> !processorPath.contains(entry) || entry.contains("dbos-annotations"))
            .toList();
    String ecj = classPath.stream().filter(entry -> entry.contains("ecj-")).findFirst().orElseThrow();
    Path log = work.resolve("ecj.log");

    Process ecjRun =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ecj,
                "-17",
                "--processor-module-path", String.join(File.pathSeparator, processorPath),
                "-cp", String.join(File.pathSeparator, userClassPath),
                "-s", work.resolve("generated").toString(),
                "-d", work.resolve("classes").toString(),
                work.resolve("src").toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();

    assertThat(ecjRun.waitFor(2, TimeUnit.MINUTES)).as("ecj finished").isTrue();
    assertThat(ecjRun.exitValue()).as(Sources.read(log)).isZero();
    assertThat(work.resolve("generated/com/shop/ShopDurable.java")).exists();
    assertThat(work.resolve("classes/com/shop/ShopDurable.class")).exists();
    assertThat(work.resolve("classes/com/shop/Shop.class")).exists();
  }
}
