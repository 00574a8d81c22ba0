package io.dbosj.tests.support;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A second process of the tests' own: a JVM on the tests' class path, run in a database's folder. */
public final class ChildJvm {
  private ChildJvm() {}

  /** Starts {@code main} with {@code args}; its output and errors come out of the process's stream. */
  public static Process launch(TestDatabase db, Class<?> main, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // sqlite-jdbc loads its native library; JDK 24+ warns on stderr unless native access is enabled
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.PIPE)
        .directory(new File(db.directory().toString()))
        .start();
  }
}
