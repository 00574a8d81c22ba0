package io.dbosj.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;

/** Compiles test sources with the processor, as javac does in a user's build. */
final class Sources {
  /**
   * Every lint but {@code processing}, which only notes annotations no processor claimed (ours, by
   * design, and the {@code @Generated} of any generated file), as errors.
   */
  static final List<String> STRICT = List.of("-Xlint:all,-processing", "-Werror");

  private Sources() {}

  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  static JavaFileObject goldenInput(String goldenCase, String simpleName) {
    Path file = goldenDir(goldenCase).resolve("input").resolve(simpleName + ".java");
    return JavaFileObjects.forSourceString("com.example." + simpleName, read(file));
  }

  static Path goldenDir(String goldenCase) {
    return Path.of("src", "test", "resources", "golden", goldenCase);
  }

  static Compilation compile(List<String> options, JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new DurableProcessor()).withOptions(options).compile(sources);
  }

  static String generated(Compilation compilation, String qualifiedName) {
    JavaFileObject file =
        compilation
            .generatedSourceFile(qualifiedName)
            .orElseThrow(() -> new AssertionError(qualifiedName + " was not generated: " + compilation.diagnostics()));
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
