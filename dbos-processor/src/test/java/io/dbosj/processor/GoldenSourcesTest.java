package io.dbosj.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated source of each case under {@code src/test/resources/golden} must equal its
 * expected file byte for byte, and must compile under {@code -Xlint:all -Werror}. After an
 * intended change to the generated code, regenerate the expected files with {@code ./mvnw -pl
 * dbos-processor test -Ddbos.golden.update=true} and review the diff.
 */
class GoldenSourcesTest {
  private static final boolean UPDATE = Boolean.getBoolean("dbos.golden.update");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "shop, Shop, ShopDurable",
    "nested, Outer, Outer_InventoryDurable",
    "steps, Pricing, PricingDurable",
    "scheduled, Reports, ReportsDurable"
  })
  void generatedSourceMatchesTheGoldenFile(String goldenCase, String input, String output)
      throws IOException {
    Compilation compilation =
        Sources.compile(Sources.STRICT, Sources.goldenInput(goldenCase, input));

    assertThat(compilation).succeededWithoutWarnings();
    String actual = Sources.generated(compilation, "com.example." + output);
    Path expected = Sources.goldenDir(goldenCase).resolve("expected").resolve(output + ".java");
    if (UPDATE) {
      Files.createDirectories(expected.getParent());
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Sources.read(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"shop, Shop, ShopDurable", "nested, Outer, Outer_InventoryDurable"})
  void theSameInputGeneratesTheSameBytes(String goldenCase, String input, String output) {
    String first =
        Sources.generated(
            Sources.compile(Sources.STRICT, Sources.goldenInput(goldenCase, input)),
            "com.example." + output);
    String second =
        Sources.generated(
            Sources.compile(Sources.STRICT, Sources.goldenInput(goldenCase, input)),
            "com.example." + output);

    assertThat(second).isEqualTo(first);
  }
}
