package io.dbosj.conformance.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** io.dbosj's {@code dbos} command, in a JVM of its own as a person runs it, on this module's class path. */
public final class OurCli {
  private OurCli() {}

  public static ToolOutput run(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // sqlite-jdbc loads its native library; JDK 24+ warns on stderr unless native access is enabled
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.dbosj.cli.DbosCli");
    command.addAll(List.of(args));
    return Processes.run(Path.of("target"), 120, command);
  }
}
