package io.dbosj.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each case under {@code src/test/resources/golden/<case>} compiles the sources in {@code input/}
 * under {@code -Xlint:all,-processing -Werror}; every generated source must equal the file of the
 * same name in {@code expected/}, byte for byte, and no other file may be generated.
 *
 * <p>After an intended change to the generated code, rewrite the expected files from the actual
 * output and review the diff: {@code mvn -pl dbos-processor test -Ddbos.golden.update=true}.
 */
class GoldenSourcesTest {
  private static final boolean UPDATE = Boolean.getBoolean("dbos.golden.update");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(Sources.goldenRoot())) {
      return dirs.map(dir -> dir.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void generatedSourcesMatchTheGoldenFilesAndCompileWithoutWarnings(String goldenCase)
      throws IOException {
    Compilation compilation = Sources.compile(Sources.STRICT, Sources.goldenInputs(goldenCase));

    assertThat(compilation).succeededWithoutWarnings();
    Map<String, String> actual = Sources.generatedSources(compilation);
    Path expectedDir = Sources.goldenRoot().resolve(goldenCase).resolve("expected");
    if (UPDATE) {
      rewrite(expectedDir, actual);
    }
    assertThat(actual).isEqualTo(read(expectedDir));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theSameInputGeneratesTheSameBytes(String goldenCase) {
    Map<String, String> first =
        Sources.generatedSources(Sources.compile(Sources.STRICT, Sources.goldenInputs(goldenCase)));
    Map<String, String> second =
        Sources.generatedSources(Sources.compile(Sources.STRICT, Sources.goldenInputs(goldenCase)));

    assertThat(second).isEqualTo(first);
  }

  private static Map<String, String> read(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.list(dir)) {
      for (Path path : paths.toList()) {
        files.put(path.getFileName().toString(), Sources.read(path));
      }
    }
    return files;
  }

  private static void rewrite(Path dir, Map<String, String> files) throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> old = Files.list(dir)) {
      for (Path path : old.toList()) {
        Files.delete(path);
      }
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
    }
  }
}
