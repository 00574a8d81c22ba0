package io.dbosj.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.snippets.NestedMaven.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user does after {@code dbos init}: build the project it wrote with Maven, then
 * {@code dbos start}, which runs the start command init wrote, and that must start what the build
 * made.
 */
class StarterProjectTest {
  private static final Path WRAPPER = Path.of(System.getProperty("dbosj.wrapper"));
  private static final Path CLI_JAR = Path.of(System.getProperty("dbosj.cliJar"));
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @TempDir Path dir;

  @Test
  void dbosInitWritesAProjectThatMavenBuildsAndDbosStartRuns() throws Exception {
    Path project = Files.createDirectories(dir.resolve("my-app"));
    Result init = NestedMaven.run(project, List.of(JAVA, "-jar", CLI_JAR.toString(), "init", "my-app"));
    assertThat(init.exit()).as(init.out()).isZero();

    Result build = NestedMaven.packageProject(WRAPPER, project, dir);
    assertThat(build.exit()).as("mvn package of the project dbos init wrote failed:\n%s", build.out()).isZero();

    Result start =
        NestedMaven.run(
            project, List.of(JAVA, "--enable-native-access=ALL-UNNAMED", "-jar", CLI_JAR.toString(), "start"));
    assertThat(start.exit()).as(start.out()).isZero();
    assertThat(start.out())
        .contains("dbos start: running java -jar target/my-app.jar")
        .contains("Step one completed!", "Step two completed!")
        .doesNotContain("restricted method")
        .doesNotContain("Exception");
    assertThat(project.resolve("my-app.sqlite")).exists();
  }
}
