package io.dbosj.cli;

import io.dbosj.internal.config.DbosConfig;
import io.dbosj.internal.db.SchemaMigrations;
import io.dbosj.internal.db.SystemDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The commands about a project rather than one workflow: init, start, migrate, reset. */
final class ProjectCommands {
  private ProjectCommands() {}

  @Command(
      name = "init",
      description = "Write a starter project in this directory: dbos-config.yaml, pom.xml and an App with a"
          + " workflow of two steps. mvn -q package builds target/APP_NAME.jar, which dbos start runs.",
      mixinStandardHelpOptions = true)
  static final class Init implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "APP_NAME", arity = "0..1", defaultValue = "dbos-app", description = "The application's name.")
    String appName;
    @Option(names = "--force", description = "Overwrite files of an earlier init.") boolean force;

    @Override
    public Integer call() throws IOException {
      StarterProject project = StarterProject.named(appName);
      Path here = Path.of("");
      List<Path> existing = project.existingIn(here);
      if (!existing.isEmpty() && !force) {
        spec.commandLine().getErr().println(
            "error: " + existing.stream().map(Path::toString).collect(Collectors.joining(", "))
                + (existing.size() == 1 ? " already exists" : " already exist") + "; use --force to overwrite");
        return 1;
      }
      for (Map.Entry<Path, String> file : project.files().entrySet()) {
        if (file.getKey().getParent() != null) {
          Files.createDirectories(file.getKey().getParent());
        }
        Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
      }
      spec.commandLine().getOut().println(
          "Wrote dbos-config.yaml for " + appName + ", with " + String.join(", ",
              project.files().keySet().stream().skip(1).map(Path::toString).toList()));
      spec.commandLine().getOut().println(
          "Next: mvn -q package (builds " + project.jar() + "), then dbos migrate and dbos start");
      return 0;
    }
  }

  @Command(name = "start", description = "Run the runtimeConfig.start commands of dbos-config.yaml.", mixinStandardHelpOptions = true)
  static final class Start implements Callable<Integer> {
    @Option(names = "--config", defaultValue = "dbos-config.yaml", description = "The configuration file.") Path config;

    @Override
    public Integer call() throws Exception {
      return DbosStart.run(config);
    }
  }

  @Command(name = "migrate", description = "Run the database.migrate commands, then create or upgrade the system database.",
      mixinStandardHelpOptions = true)
  static final class Migrate implements Callable<Integer> {
    @Option(names = "--config", defaultValue = "dbos-config.yaml", description = "The configuration file.") Path config;

    @Override
    public Integer call() throws Exception {
      DbosMigrate.run(config);
      return 0;
    }
  }

  @Command(name = "reset", description = "Delete every workflow record: drops the system database's tables.",
      mixinStandardHelpOptions = true)
  static final class Reset implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SystemDatabaseOption database;
    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (for scripts).") boolean yes;

    @Override
    public Integer call() throws IOException {
      DbosConfig config = database.resolve();
      if (!yes) {
        spec.commandLine().getOut().print(
            "This deletes every workflow recorded in " + config.systemDatabase() + ". Type 'yes' to go on: ");
        spec.commandLine().getOut().flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (!"yes".equals(answer == null ? null : answer.trim())) {
          spec.commandLine().getErr().println("Not reset.");
          return 1;
        }
      }
      try (SystemDatabase db = SystemDatabase.open(config.systemDatabase(), "dbos-reset")) {
        SchemaMigrations.reset(db);
        // empty, not gone: the read-only commands and clients that follow find a schema to read
        SchemaMigrations.migrate(db);
      }
      spec.commandLine().getOut().println("Reset " + config.systemDatabase());
      return 0;
    }
  }
}
