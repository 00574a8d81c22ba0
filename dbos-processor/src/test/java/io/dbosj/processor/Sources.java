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
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** Compiles test sources with the processor, as javac does in a user's build. */
final class Sources {
  /**
   * Every lint but {@code processing}, as errors. The processor claims no annotations (so other
   * processors see them too), and {@code -Xlint:processing} warns about exactly that: see {@link
   * CompilerLintTest}.
   */
  static final List<String> STRICT = List.of("-Xlint:all,-processing", "-Werror");

  private Sources() {}

  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  static Path goldenRoot() {
    return Path.of("src", "test", "resources", "golden");
  }

  /** Every file of {@code golden/<case>/input}, each in package {@code com.example}. */
  static JavaFileObject[] goldenInputs(String goldenCase) {
    try (Stream<Path> files = Files.list(goldenRoot().resolve(goldenCase).resolve("input"))) {
      return files
          .sorted()
          .map(
              file -> {
                String simpleName = file.getFileName().toString().replace(".java", "");
                return JavaFileObjects.forSourceString("com.example." + simpleName, read(file));
              })
          .toArray(JavaFileObject[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Compilation compile(List<String> options, JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new DurableProcessor()).withOptions(options).compile(sources);
  }

  /** Every generated source, by file name ({@code ShopDurable.java}). */
  static Map<String, String> generatedSources(Compilation compilation) {
    Map<String, String> sources = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      String path = file.toUri().getPath();
      sources.put(path.substring(path.lastIndexOf('/') + 1), content(file));
    }
    return sources;
  }

  static String generated(Compilation compilation, String qualifiedName) {
    return content(
        compilation
            .generatedSourceFile(qualifiedName)
            .orElseThrow(
                () ->
                    new AssertionError(
                        qualifiedName + " was not generated: " + compilation.diagnostics())));
  }

  private static String content(JavaFileObject file) {
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
