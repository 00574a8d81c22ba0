package io.dbosj;

import io.dbosj.internal.config.ConfigSources;
import io.dbosj.internal.config.DbosConfig;
import io.dbosj.internal.config.ShellCommands;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code dbos start}: runs the commands listed under {@code runtimeConfig.start} in {@code
 * dbos-config.yaml}, in the file's directory, and exits with the status of the first that fails.
 * Until the {@code dbos} command exists, run it as a main class:
 *
 * <pre>
 * java -cp &lt;your classpath&gt; io.dbosj.DbosStart [--config path/to/dbos-config.yaml]
 * </pre>
 */
public final class DbosStart {
  private DbosStart() {}

  public static void main(String[] args) throws InterruptedException {
    Path config = Path.of("dbos-config.yaml");
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        config = Path.of(args[++i]);
      } else {
        System.err.println("usage: DbosStart [--config path/to/dbos-config.yaml]");
        System.exit(2);
      }
    }
    try {
      System.exit(run(config));
    } catch (RuntimeException | IOException e) {
      System.err.println("dbos start failed: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Runs the start commands of the configuration in {@code configFile}; returns the exit status. */
  public static int run(Path configFile) throws IOException, InterruptedException {
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
