package io.dbosj.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * W7: javac on 200 generated workflow classes (1 workflow + 3 steps each), with io.dbosj's
 * processor on the processor path and with {@code -proc:none}; the seconds the processor adds.
 */
final class JavacWorkload extends Workload {
  static final int CLASSES = 200;
  static final int ROUNDS = 3;

  JavacWorkload(BenchDatabases databases, Options options) {
    super(databases, options);
  }

  @Override
  void run(Report report) throws Exception {
    Report.Row added = report.add("W7", "javac, " + CLASSES + " workflow classes: time the processor adds",
        "in-process javax.tools compiler, one warm-up of each, then median of " + ROUNDS
            + "; floor column: the same javac with -proc:none");
    added.cells().put(Report.Column.PEER, Report.Cell.text("n/a (no processor)"));
    guarded("W7 javac", Report.Column.DBOSJ, List.of(added), () -> {
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      if (javac == null) {
        throw new IllegalStateException("no system Java compiler: run the bench on a JDK, not a JRE");
      }
      Path dir = Files.createTempDirectory("dbos-bench-javac-");
      List<Path> sources = generate(dir.resolve("src"));
      compile(javac, dir, sources, false);
      compile(javac, dir, sources, true);
      double[] without = new double[ROUNDS];
      double[] with = new double[ROUNDS];
      for (int r = 0; r < ROUNDS; r++) {
        without[r] = compile(javac, dir, sources, false);
        with[r] = compile(javac, dir, sources, true);
      }
      double plain = Stats.median(without);
      double processed = Stats.median(with);
      added.cells().put(Report.Column.DBOSJ, new Report.Cell(processed - plain, "s",
          String.format(java.util.Locale.ROOT, "%.2f s with the processor, +%.0f%%", processed, 100 * (processed - plain) / plain)));
      added.cells().put(Report.Column.FLOOR, new Report.Cell(plain, "s", "-proc:none"));
      delete(dir);
    });
  }

  /** Writes {@link #CLASSES} classes, each with one workflow calling three steps. */
  static List<Path> generate(Path src) throws IOException {
    Path pkg = Files.createDirectories(src.resolve("bench/gen"));
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < CLASSES; i++) {
      String name = "Flow" + i;
      String text =
          "package bench.gen;\n\n"
              + "import io.dbosj.annotation.Step;\n"
              + "import io.dbosj.annotation.Workflow;\n\n"
              + "public class " + name + " {\n"
              + "  @Step public String reserve(String sku) { return sku + \"-" + i + "\"; }\n"
              + "  @Step public int charge(int cents) { return cents + " + i + "; }\n"
              + "  @Step public void ship() {}\n"
              + "  @Workflow public String order(String sku, int cents) {\n"
              + "    String r = reserve(sku);\n"
              + "    int c = charge(cents);\n"
              + "    ship();\n"
              + "    return r + c;\n"
              + "  }\n"
              + "}\n";
      Path file = pkg.resolve(name + ".java");
      Files.writeString(file, text);
      files.add(file);
    }
    return files;
  }

  /** Seconds to compile {@code sources} into a fresh output directory. */
  private static double compile(JavaCompiler javac, Path dir, List<Path> sources, boolean processor) throws IOException {
    Path out = Files.createTempDirectory(dir, processor ? "with-" : "without-");
    String classpath = System.getProperty("java.class.path");
    List<String> args = new ArrayList<>(List.of("--release", "17", "-d", out.toString(), "-cp", classpath,
        "-s", Files.createDirectories(out.resolve("generated")).toString()));
    if (processor) {
      args.addAll(List.of("-processorpath", classpath, "-processor", "io.dbosj.processor.DurableProcessor"));
    } else {
      args.add("-proc:none");
    }
    StringWriter diagnostics = new StringWriter();
    long start = System.nanoTime();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      boolean ok = javac.getTask(diagnostics, files, null, args, null, files.getJavaFileObjectsFromPaths(sources)).call();
      double seconds = Stats.millisSince(start) / 1000;
      if (!ok) {
        throw new IllegalStateException("javac failed: " + diagnostics.toString().lines().limit(5).toList());
      }
      if (processor && !Files.exists(out.resolve("bench/gen/Flow0Durable.class"))) {
        throw new IllegalStateException("the processor did not run: no Flow0Durable.class");
      }
      delete(out);
      return seconds;
    }
  }

  private static void delete(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
