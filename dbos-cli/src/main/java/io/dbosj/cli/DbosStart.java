package io.dbosj.cli;

import io.dbosj.internal.config.ConfigSources;
import io.dbosj.internal.config.DbosConfig;
import io.dbosj.internal.config.ShellCommands;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code dbos start} does: runs the commands listed under {@code runtimeConfig.start} in
 * {@code dbos-config.yaml}, in the file's directory, and ends with the status of the first that
 * fails.
 */
final class DbosStart {
  private DbosStart() {}

  /** Runs the start commands of the configuration in {@code configFile}; returns the exit status. */
  static int run(Path configFile) throws IOException, InterruptedException {
    DbosConfig resolved =
        new ConfigSources(System.getenv(), configFile)
            .resolve(new ConfigSources.Explicit(null, null, null, null, null, false, null));
    if (resolved.startCommands().isEmpty()) {
      System.err.println(
          "dbos start: " + configFile.toAbsolutePath() + " lists no runtimeConfig.start commands");
      return 2;
    }
    return ShellCommands.run(
        resolved.startCommands(), configFile.toAbsolutePath().getParent().toFile(), Map.of(), "dbos start");
  }
}
