package io.dbosj.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.snippets.NestedMaven.Result;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Maven snippet is a whole pom.xml: taken out of README.md as it stands, given a
 * workflow class, built by Maven 3.8 and 3.9 as a user's project ({@link NestedMaven}), and its
 * jar run with {@code java -jar}.
 */
class MavenSnippetTest {
  private static final Path README = Path.of(System.getProperty("dbosj.readme"));
  private static final Path MAVEN_38 = Path.of(System.getProperty("dbosj.mvn38", "/usr/bin/mvn"));
  private static final Path WRAPPER = Path.of(System.getProperty("dbosj.wrapper"));

  private static final String GREETER =
      """
      package com.example;

      import io.dbosj.DBOS;
      import io.dbosj.annotation.Step;
      import io.dbosj.annotation.Workflow;

      public class Greeter {
        @Step public void stepOne() { System.out.println("Step one completed!"); }
        @Step public void stepTwo() { System.out.println("Step two completed!"); }
        @Workflow public void greet() { stepOne(); stepTwo(); }

        public static void main(String[] args) {
          try (DBOS dbos = DBOS.builder().appName("greeter").adminServer(false).build()) {
            GreeterDurable greeter = new GreeterDurable(dbos);
            dbos.launch();
            greeter.greet();
          }
        }
      }
      """;

  @TempDir Path dir;

  @Test
  void theReadmePomBuildsAndRunsWithMaven38() throws Exception {
    if (!Files.isExecutable(MAVEN_38)) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(
            "CI=true but there is no Maven 3.8 at " + MAVEN_38 + ": install Debian's maven package"
                + " (apt-get install maven), or name another with -Ddbosj.mvn38=/path/to/bin/mvn");
      }
      showOnConsole(
          "\n!! No Maven at " + MAVEN_38 + ": the README's Maven snippet is NOT built with Maven 3.8"
              + " (apt-get install maven, or -Ddbosj.mvn38=/path/to/bin/mvn)\n");
      Assumptions.abort("no Maven 3.8 at " + MAVEN_38);
    }
    buildAndRun(MAVEN_38, "3.8.");
  }

  @Test
  void theReadmePomBuildsAndRunsWithTheWrappersMaven39() throws Exception {
    buildAndRun(WRAPPER, "3.9.");
  }

  @Test
  void theGradleSnippetNamesTheSameVersionsAsTheMavenOne() throws IOException {
    String gradle = codeBlockAfter("<!-- dbos-build-snippets checks", "kotlin");
    String version = System.getProperty("dbosj.version");
    String slf4j = System.getProperty("dbosj.slf4jVersion");
    assertThat(gradle)
        .contains("implementation(\"io.dbosj:dbos-runtime:" + version + "\")")
        .contains("annotationProcessor(\"io.dbosj:dbos-processor:" + version + "\")")
        .contains("runtimeOnly(\"org.slf4j:slf4j-simple:" + slf4j + "\")")
        .contains("options.release.set(17)")
        .contains("--enable-native-access=ALL-UNNAMED");
    assertThat(readmePom())
        .contains("<dbosj.version>" + version + "</dbosj.version>")
        .contains("<artifactId>slf4j-simple</artifactId>\n      <version>" + slf4j + "</version>");
  }

  private void buildAndRun(Path maven, String expectedVersion) throws Exception {
    Path project = dir.resolve("greeter");
    Path sources = Files.createDirectories(project.resolve("src/main/java/com/example"));
    Files.writeString(project.resolve("pom.xml"), readmePom());
    Files.writeString(sources.resolve("Greeter.java"), GREETER);
    Path resources = Files.createDirectories(project.resolve("src/main/resources"));
    Files.writeString(
        resources.resolve("simplelogger.properties"),
        codeBlockAfter("<!-- dbos-build-snippets puts this file", "properties"));
    Result build = NestedMaven.packageProject(maven, project, dir);
    assertThat(build.out())
        .as("the Maven that built it")
        .containsPattern("Apache Maven " + Pattern.quote(expectedVersion));
    assertThat(build.exit())
        .as(
            "mvn package of the README's pom.xml failed; if it could not resolve a plugin, the"
                + " README's version of it differs from the parent pom's:\n%s",
            build.out())
        .isZero();
    assertThat(project.resolve("target/generated-sources/annotations/com/example/GreeterDurable.java"))
        .exists();

    Result app =
        NestedMaven.run(
            project,
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                "target/greeter-1.0.jar"));
    assertThat(app.exit()).as(app.out()).isZero();
    assertThat(app.out())
        .contains("Step one completed!", "Step two completed!")
        .doesNotContain("restricted method")
        .doesNotContain("No SLF4J providers")
        // the README's simplelogger.properties: DBOS's lines, the pool's and jOOQ's quieted
        .contains("INFO DbosRuntime - DBOS launched: app greeter")
        .doesNotContain("HikariPool")
        .doesNotContain("org.jooq");
    assertThat(project.resolve("greeter.sqlite")).exists();
  }

  /** The pom.xml block of the README's "Adding io.dbosj to a build", exactly as written there. */
  private static String readmePom() throws IOException {
    return codeBlockAfter("<!-- dbos-build-snippets builds this pom.xml", "xml");
  }

  private static String codeBlockAfter(String marker, String language) throws IOException {
    String readme = Files.readString(README);
    int at = readme.indexOf(marker);
    if (at < 0) {
      throw new AssertionError(
          README + " has no line starting " + marker + ": it marks the block this test builds;"
              + " put it back above the block");
    }
    Matcher block =
        Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(readme);
    if (!block.find(at)) {
      throw new AssertionError("no ```" + language + " block after " + marker + " in " + README);
    }
    return block.group(1);
  }

  /** Straight to the console: Surefire sends System.err into report files. */
  private static void showOnConsole(String text) {
    @SuppressWarnings("resource") // closing it would close file descriptor 2 for the whole JVM
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    err.println(text);
  }
}
