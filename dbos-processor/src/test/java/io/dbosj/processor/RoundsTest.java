package io.dbosj.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import org.assertj.core.api.Assertions;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** A durable class may use types that other processors generate in later rounds. */
class RoundsTest {

  /** Generates {@code com.example.Late} in its first round, as other processors do. */
  private static final class LateTypeProcessor extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer writer = processingEnv.getFiler().createSourceFile("com.example.Late").openWriter()) {
          writer.write("package com.example; public record Late(String value) {}");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void aClassWaitsForATypeGeneratedInALaterRound() {
    JavaFileObject source =
        Sources.source(
            "com.example.UsesLate",
            "package com.example;",
            "import io.dbosj.annotation.Workflow;",
            "public class UsesLate {",
            "  @Workflow",
            "  public Late run(Late input) { return input; }",
            "}");
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new LateTypeProcessor(), new DurableProcessor())
            .withOptions(Sources.STRICT)
            .compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.example.UsesLateDurable").contentsAsUtf8String()
        .contains("TypeToken.of(Late.class)");
  }

  @Test
  void constructorsAndTypeArgumentsMayAlsoUseALaterType() {
    JavaFileObject source =
        Sources.source(
            "com.example.Batches",
            "package com.example;",
            "import io.dbosj.annotation.Step;",
            "import java.util.List;",
            "public class Batches {",
            "  public Batches(Late seed) {}",
            "  @Step",
            "  public List<Late> split(Late[] all) { return List.of(all); }",
            "}");
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new LateTypeProcessor(), new DurableProcessor())
            .withOptions(Sources.STRICT)
            .compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.example.BatchesDurable").contentsAsUtf8String()
        .contains("public BatchesDurable(DBOS dbos, Late seed)");
  }

  @Test
  void aTypeThatNeverAppearsIsReportedOnTheClass() {
    JavaFileObject source =
        Sources.source(
            "com.example.UsesMissing",
            "package com.example;",
            "import io.dbosj.annotation.Workflow;",
            "public class UsesMissing {",
            "  @Workflow",
            "  public void run(Missing input) {}",
            "}");
    GeneratedTypes generated = new GeneratedTypes();
    Compilation compilation =
        Compiler.javac().withProcessors(generated).compile(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[dbos.unresolved-type]").inFile(source).onLine(3);
    Assertions.assertThat(generated.names()).isEmpty();
  }
}
