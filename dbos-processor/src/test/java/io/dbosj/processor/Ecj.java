package io.dbosj.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * Compiles test sources with the processor under the Eclipse compiler (ECJ), through its {@code
 * javax.tools} API as Eclipse IDEs and Maven's {@code -Dmaven.compiler.compilerId=eclipse} run it.
 * Compile Testing's in-memory files do not work there (ECJ turns every file's URI into a {@code
 * File}), so sources, classes and generated sources live in a folder of their own.
 */
final class Ecj {
  /**
   * Java 17, and ECJ's default warnings (unused and unnecessary code, unnecessary
   * {@code @SuppressWarnings}, raw types, unchecked, deprecation, serial) plus those of javac's
   * {@code -Xlint:all} it leaves off (missing {@code @Override}, fall-through, unnecessary casts).
   * Tests check that the generated files have none; the inputs may.
   */
  static final List<String> STRICT =
      List.of("-17", "-warn:+over-ann,+fallthrough,+uselessTypeCheck,+varargsCast");

  /** What a compilation did: its diagnostics and the sources the processor generated. */
  record Result(
      boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path generated) {
    /** The warnings and errors reported in generated sources. */
    List<Diagnostic<? extends JavaFileObject>> problemsInGeneratedCode() {
      return diagnostics.stream()
          .filter(d -> d.getKind() != Diagnostic.Kind.NOTE && d.getKind() != Diagnostic.Kind.OTHER)
          .filter(d -> d.getSource() != null
              && Path.of(d.getSource().toUri()).startsWith(generated))
          .toList();
    }

    List<Diagnostic<? extends JavaFileObject>> errors() {
      return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    }

    /** The one error with {@code text} in its message, which must be in {@code file} at {@code line}. */
    void assertError(String text, String file, long line) {
      List<Diagnostic<? extends JavaFileObject>> found =
          errors().stream().filter(d -> d.getMessage(Locale.ROOT).contains(text)).toList();
      if (found.size() != 1) {
        throw new AssertionError("expected one error with '" + text + "', got " + describe());
      }
      Diagnostic<? extends JavaFileObject> error = found.get(0);
      String actualFile = error.getSource() == null ? "" : error.getSource().getName();
      if (!actualFile.endsWith(file) || error.getLineNumber() != line) {
        throw new AssertionError(
            "'" + text + "' expected in " + file + ":" + line + " but was in " + actualFile + ":"
                + error.getLineNumber());
      }
    }

    /** Every generated source, by file name ({@code ShopDurable.java}). */
    Map<String, String> generatedSources() {
      Map<String, String> sources = new TreeMap<>();
      try (Stream<Path> files = Files.walk(generated)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          sources.put(file.getFileName().toString(), Sources.read(file));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return sources;
    }

    String describe() {
      StringBuilder text = new StringBuilder();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
        text.append('\n').append(d.getKind()).append(' ')
            .append(d.getSource() == null ? "" : d.getSource().getName()).append(':')
            .append(d.getLineNumber()).append(' ').append(d.getMessage(Locale.ROOT));
      }
      return text.toString();
    }
  }

  private Ecj() {}

  /**
   * Compiles {@code sources} (path below the source root, e.g. {@code com/example/A.java}, to
   * content) in {@code work}, with the test class path (annotations, runtime) as class path.
   */
  static Result compile(Path work, List<String> options, Map<String, String> sources) {
    try {
      Path src = work.resolve("src");
      Path classes = Files.createDirectories(work.resolve("classes"));
      Path generated = Files.createDirectories(work.resolve("generated"));
      List<Path> files = new ArrayList<>();
      for (Map.Entry<String, String> source : sources.entrySet()) {
        Path file = src.resolve(source.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
        files.add(file);
      }
      JavaCompiler compiler = new EclipseCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager fileManager =
          compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
        List<String> all = new ArrayList<>(options);
        all.addAll(
            List.of(
                "-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString(),
                "-s", generated.toString()));
        JavaCompiler.CompilationTask task =
            compiler.getTask(
                null, fileManager, diagnostics, all, null,
                fileManager.getJavaFileObjectsFromPaths(files));
        task.setProcessors(List.of(new DurableProcessor()));
        boolean success = task.call();
        return new Result(success, diagnostics.getDiagnostics(), generated);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sources of {@code golden/<case>/input}, in package {@code com.example}. */
  static Map<String, String> goldenInputs(String goldenCase) {
    Map<String, String> sources = new TreeMap<>();
    try (Stream<Path> files = Files.list(Sources.goldenRoot().resolve(goldenCase).resolve("input"))) {
      for (Path file : files.sorted().toList()) {
        sources.put("com/example/" + file.getFileName(), Sources.read(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sources;
  }
}
