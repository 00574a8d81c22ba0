package io.dbosj.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The processor under the Eclipse compiler (ECJ), which Eclipse IDEs and some builds use instead
 * of javac: the same generated code, compiling without warnings, and the same errors on the same
 * lines.
 */
class EclipseCompilerTest {
  @TempDir Path work;

  static Stream<String> cases() throws IOException {
    return GoldenSourcesTest.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theGoldenSourcesGenerateTheSameCodeWithoutWarnings(String goldenCase) throws IOException {
    Ecj.Result result = Ecj.compile(work, Ecj.STRICT, Ecj.goldenInputs(goldenCase));

    assertThat(result.success()).as(result.describe()).isTrue();
    assertThat(result.problemsInGeneratedCode()).as(result.describe()).isEmpty();
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> paths = Files.list(Sources.goldenRoot().resolve(goldenCase).resolve("expected"))) {
      for (Path path : paths.toList()) {
        expected.put(path.getFileName().toString(), Sources.read(path));
      }
    }
    assertThat(result.generatedSources()).isEqualTo(expected);
  }
}
