package io.dbosj.snippets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A user's Maven build of a project, nested in this one: it sees this build's own io.dbosj
 * artifacts (copied into a repository layout by the dependency plugin, no install step) and, for
 * everything else, only the local repository this build used, as a {@code file://} mirror. So it
 * runs offline, and a plugin version that this build does not use fails here instead of on a
 * user's machine.
 */
final class NestedMaven {
  private NestedMaven() {}

  /** Runs {@code maven -B -V package} in {@code project}, with its repositories under {@code work}. */
  static Result packageProject(Path maven, Path project, Path work) throws Exception {
    Path localRepository = work.resolve("repository");
    copyTree(Path.of(System.getProperty("dbosj.reactorRepository")), localRepository);
    Path settings = work.resolve("settings.xml");
    Files.writeString(settings, settings(Path.of(System.getProperty("dbosj.localRepository"))));
    return run(
        project,
        List.of(
            maven.toString(), "-B", "-V", "-s", settings.toString(), "-Dmaven.repo.local=" + localRepository, "package"));
  }

  /**
   * Settings that make {@code localRepository} the nested build's only remote: central is
   * redefined there (without checksums: a local repository keeps none of its own) and every other
   * repository is mirrored to it, so nothing is fetched from the network.
   */
  private static String settings(Path localRepository) {
    String url = localRepository.toUri().toString();
    String repository =
        """
              <id>central</id>
              <url>%s</url>
              <releases><checksumPolicy>ignore</checksumPolicy></releases>
              <snapshots><enabled>false</enabled></snapshots>
        """
            .formatted(url);
    return """
        <settings>
          <mirrors>
            <mirror>
              <id>this-build</id>
              <mirrorOf>*</mirrorOf>
              <url>%s</url>
            </mirror>
          </mirrors>
          <profiles>
            <profile>
              <id>this-build</id>
              <repositories><repository>
        %s      </repository></repositories>
              <pluginRepositories><pluginRepository>
        %s      </pluginRepository></pluginRepositories>
            </profile>
          </profiles>
          <activeProfiles><activeProfile>this-build</activeProfile></activeProfiles>
        </settings>
        """
        .formatted(url, repository, repository);
  }

  /** A finished command: its exit status and everything it printed. */
  record Result(int exit, String out) {}

  /** Runs {@code command} in {@code directory} as a user's shell would, with at most 5 minutes. */
  static Result run(Path directory, List<String> command) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    // what a user's shell would not have: this build's own Maven settings
    for (String variable : List.of("MAVEN_OPTS", "MAVEN_ARGS", "MAVEN_CONFIG", "MAVEN_DEBUG_OPTS")) {
      env.remove(variable);
    }
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in 5 minutes:\n" + out);
    }
    return new Result(process.exitValue(), out);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      throw new AssertionError(
          from + " is missing: the dependency plugin fills it in process-test-classes; run this"
              + " test through Maven (./mvnw -pl dbos-build-snippets -am verify)");
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(from)) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    }
    for (Path file : files) {
      Path target = to.resolve(from.relativize(file).toString());
      try {
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

}
