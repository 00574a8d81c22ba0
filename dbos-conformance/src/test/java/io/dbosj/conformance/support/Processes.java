package io.dbosj.conformance.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end in a directory, its output captured, with a deadline. */
final class Processes {
  private Processes() {}

  /** The command line as shown in a failure: database passwords masked, a class path elided. */
  static String masked(List<String> command) {
    List<String> shown = new java.util.ArrayList<>(command);
    int classPath = shown.indexOf("-cp");
    if (classPath >= 0 && classPath + 1 < shown.size()) {
      shown.set(classPath + 1, "<the tests' class path>");
    }
    return String.join(" ", shown).replaceAll("(postgres(?:ql)?://[^:@/\\s]+):[^@\\s]*@", "$1:***@");
  }

  static ToolOutput run(Path directory, long timeoutSeconds, List<String> command) throws IOException, InterruptedException {
    File stderr = Files.createTempFile("dbosj-conformance", ".stderr").toFile();
    try {
      ProcessBuilder builder = new ProcessBuilder(command)
          .directory(directory.toFile())
          .redirectError(stderr)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      // the tools take the database from their flags only, never from the caller's environment
      builder.environment().keySet().removeIf(name -> name.startsWith("DBOS_"));
      Process process = builder.start();
      // read before waiting: a full pipe would block the tool forever
      String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("`" + masked(command) + "` did not end in " + timeoutSeconds + " s");
      }
      return new ToolOutput(masked(command), process.exitValue(), stdout,
          Files.readString(stderr.toPath(), StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(stderr.toPath());
    }
  }
}
