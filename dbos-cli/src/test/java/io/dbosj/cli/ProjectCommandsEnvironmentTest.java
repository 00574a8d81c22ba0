package io.dbosj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the commands of dbos start and dbos migrate see: the JDK of {@code JAVA_HOME} first on
 * {@code PATH}, and none of the CLI's own class path.
 */
class ProjectCommandsEnvironmentTest {
  @TempDir Path dir;

  @Test
  void startRunsJavaFromJavaHomeBeforeTheJavaOnPath() throws Exception {
    Path javaHome = dir.resolve("chosen-jdk");
    Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\necho \"the chosen JDK's java $*\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    config("runtimeConfig:\n  start:\n    - java -jar target/app.jar\n");

    String out = dbos(javaHome, "start");

    assertThat(out).contains("the chosen JDK's java -jar target/app.jar");
  }

  @Test
  void migrateAndStartCommandsGetNoneOfTheCliClassPath() throws Exception {
    config(
        "database:\n  migrate:\n    - echo \"migrate CLASSPATH=[$CLASSPATH]\"\n"
            + "runtimeConfig:\n  start:\n    - echo \"start CLASSPATH=[$CLASSPATH]\"\n");

    assertThat(dbos(null, "migrate")).contains("migrate CLASSPATH=[]");
    assertThat(dbos(null, "start")).contains("start CLASSPATH=[]");
  }

  private void config(String commands) throws Exception {
    Files.writeString(dir.resolve("dbos-config.yaml"), "name: shop\nsystem_database_url: sqlite:///shop.sqlite\n" + commands);
  }

  /** The CLI's output, run with {@code javaHome} as JAVA_HOME (or none) and no CLASSPATH of its own. */
  private String dbos(Path javaHome, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(DbosCli.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().remove("CLASSPATH");
    builder.environment().remove("JAVA_HOME");
    if (javaHome != null) {
      builder.environment().put("JAVA_HOME", javaHome.toString());
    }
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }
}
