package io.dbosj.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Which lints a user's strict build may enable. Generated code is clean under every lint but
 * {@code processing}: because the processor claims no annotations ({@code process} returns false,
 * so other processors may read them too), {@code -Xlint:processing} reports them as unclaimed. Builds
 * that turn warnings into errors use {@code -Xlint:all,-processing}, as this project does.
 */
class CompilerLintTest {

  @Test
  void underEveryLintTheOnlyWarningsAreThatNoProcessorClaimedTheAnnotations() {
    Compilation compilation =
        Sources.compile(List.of("-Xlint:all"), Sources.goldenInputs("shop"));

    assertThat(compilation).succeeded();
    Assertions.assertThat(compilation.warnings()).isNotEmpty();
    for (Diagnostic<? extends JavaFileObject> warning : compilation.warnings()) {
      // once for io.dbosj's annotations, once for the @Generated on the generated class
      Assertions.assertThat(warning.getMessage(Locale.ROOT))
          .startsWith("No processor claimed any of these annotations");
    }
  }

  @Test
  void withoutTheProcessingLintEveryGoldenCaseCompilesWithWarningsAsErrors() throws Exception {
    for (String goldenCase : GoldenSourcesTest.cases().toList()) {
      assertThat(Sources.compile(Sources.STRICT, Sources.goldenInputs(goldenCase)))
          .succeededWithoutWarnings();
    }
  }
}
