package io.dbosj.internal.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of the runtime, read from its compiled classes: which classes each class names
 * in its constant pool (types of fields, calls, signatures).
 */
class PackageDependenciesTest {
  private static final Path CLASSES = Path.of("target/classes");
  private static final Pattern CLASS_NAME = Pattern.compile("io/dbosj/(?:[a-z]+/)*[A-Z][A-Za-z0-9_]*");

  /** The API classes that do work: internal code never calls back into them. */
  private static final Set<String> API_FACADES = Set.of("io.dbosj.DBOS", "io.dbosj.DBOSClient", "io.dbosj.Queue");

  /** Class name to the io.dbosj classes it refers to. */
  private static final Map<String, Set<String>> REFERENCES = new TreeMap<>();

  @BeforeAll
  static void readClasses() throws IOException {
    try (Stream<Path> files = Files.walk(CLASSES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        Set<String> refs = new TreeSet<>();
        for (String constant : utf8Constants(file)) {
          Matcher m = CLASS_NAME.matcher(constant);
          while (m.find()) {
            refs.add(m.group().replace('/', '.'));
          }
        }
        REFERENCES.put(topLevel(name), merge(REFERENCES.get(topLevel(name)), refs));
      }
    }
    assertThat(REFERENCES).as("compiled classes under %s", CLASSES).isNotEmpty();
  }

  @Test
  void internalPackagesFormNoCycle() {
    Map<String, Set<String>> graph = new TreeMap<>();
    REFERENCES.forEach(
        (cls, refs) -> {
          String from = packageOf(cls);
          if (!from.startsWith("io.dbosj.internal")) {
            return;
          }
          Set<String> targets = graph.computeIfAbsent(from, p -> new TreeSet<>());
          for (String ref : refs) {
            String to = packageOf(ref);
            if (to.startsWith("io.dbosj.internal") && !to.equals(from)) {
              targets.add(to);
            }
          }
        });
    List<List<String>> cycles = new ArrayList<>();
    for (String start : graph.keySet()) {
      List<String> path = new ArrayList<>();
      path.add(start);
      findCycleBack(graph, start, start, path, new TreeSet<>(), cycles);
    }
    assertThat(cycles).as("package cycles among io.dbosj.internal.* (dependencies: %s)", graph).isEmpty();
  }

  @Test
  void internalCodeNeverNamesTheApiClassesThatDoWork() {
    Map<String, Set<String>> offenders = new TreeMap<>();
    REFERENCES.forEach(
        (cls, refs) -> {
          if (packageOf(cls).startsWith("io.dbosj.internal")) {
            Set<String> named = new TreeSet<>(refs);
            named.retainAll(API_FACADES);
            if (!named.isEmpty()) {
              offenders.put(cls, named);
            }
          }
        });
    assertThat(offenders).isEmpty();
  }

  @Test
  void theCheckSeesReferences() {
    assertThat(REFERENCES.get("io.dbosj.DBOS")).contains("io.dbosj.internal.runtime.DbosRuntime");
  }

  private static void findCycleBack(
      Map<String, Set<String>> graph, String start, String at, List<String> path, Set<String> seen,
      List<List<String>> cycles) {
    for (String next : graph.getOrDefault(at, Set.of())) {
      if (next.equals(start)) {
        List<String> cycle = new ArrayList<>(path);
        cycle.add(start);
        cycles.add(cycle);
      } else if (next.compareTo(start) > 0 && seen.add(next)) {
        path.add(next);
        findCycleBack(graph, start, next, path, seen, cycles);
        path.remove(path.size() - 1);
      }
    }
  }

  private static String topLevel(String className) {
    int nested = className.indexOf('$');
    return nested < 0 ? className : className.substring(0, nested);
  }

  private static String packageOf(String className) {
    return className.substring(0, className.lastIndexOf('.'));
  }

  private static Set<String> merge(Set<String> a, Set<String> b) {
    if (a == null) {
      return b;
    }
    a.addAll(b);
    return a;
  }

  /** The UTF-8 entries of a class file's constant pool: names, descriptors and signatures. */
  private static List<String> utf8Constants(Path classFile) throws IOException {
    List<String> strings = new ArrayList<>();
    try (InputStream in = Files.newInputStream(classFile);
        DataInputStream data = new DataInputStream(in)) {
      data.readInt(); // magic
      data.readUnsignedShort(); // minor
      data.readUnsignedShort(); // major
      int count = data.readUnsignedShort();
      for (int i = 1; i < count; i++) {
        int tag = data.readUnsignedByte();
        switch (tag) {
          case 1 -> strings.add(data.readUTF());
          case 3, 4, 9, 10, 11, 12, 17, 18 -> data.readInt();
          case 5, 6 -> {
            data.readLong();
            i++; // takes two slots
          }
          case 7, 8, 16, 19, 20 -> data.readUnsignedShort();
          case 15 -> {
            data.readUnsignedByte();
            data.readUnsignedShort();
          }
          default -> throw new IOException("unknown constant pool tag " + tag + " in " + classFile);
        }
      }
    }
    return strings;
  }
}
