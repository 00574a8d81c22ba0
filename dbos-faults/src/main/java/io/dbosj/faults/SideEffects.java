package io.dbosj.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every {@link Ledger} line of a scenario's child JVMs, judged against the tokens the database
 * recorded. For one effect key, the execution whose token was recorded is the checkpointed one:
 * executions before it were cut off before their checkpoint (re-running them is allowed), any
 * after it ran although the checkpoint was committed (a duplicate).
 */
final class SideEffects {
  /** One line: effect {@code key} done by process {@code pid}, returning {@code token}. */
  record Entry(String key, String token, long pid, long millis) {
    /** The workflow the effect belongs to: the key up to its first slash. */
    String workflow() {
      int slash = key.indexOf('/');
      return slash < 0 ? key : key.substring(0, slash);
    }
  }

  /** What the ledger says once judged against the recorded tokens. */
  record Judgement(int effects, int rerunsAfterCheckpoint, int rerunsBeforeCheckpoint, int unrecorded) {}

  private final Map<String, List<Entry>> byKey = new LinkedHashMap<>();

  private SideEffects(List<Entry> entries) {
    entries.sort(Comparator.comparingLong(Entry::millis));
    for (Entry entry : entries) {
      byKey.computeIfAbsent(entry.key(), k -> new ArrayList<>()).add(entry);
    }
  }

  /** Reads every {@code *.ledger} file of {@code directory}. */
  static SideEffects read(Path directory) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".ledger")).toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String[] parts = line.split(" ");
          if (parts.length == 4) { // a line cut by a kill in mid-write would be shorter
            entries.add(new Entry(parts[0], parts[1], Long.parseLong(parts[2]), Long.parseLong(parts[3])));
          }
        }
      }
    }
    return new SideEffects(entries);
  }

  Judgement judge(Set<String> recordedTokens) {
    int after = 0;
    int before = 0;
    int unrecorded = 0;
    for (List<Entry> runs : byKey.values()) {
      int checkpointed = -1;
      for (int i = 0; i < runs.size() && checkpointed < 0; i++) {
        if (recordedTokens.contains(runs.get(i).token())) {
          checkpointed = i;
        }
      }
      if (checkpointed < 0) {
        unrecorded++;
      } else {
        before += checkpointed;
        after += runs.size() - 1 - checkpointed;
      }
    }
    return new Judgement(byKey.size(), after, before, unrecorded);
  }

  /** Keys starting with {@code prefix}. */
  int keys(String prefix) {
    return (int) byKey.keySet().stream().filter(k -> k.startsWith(prefix)).count();
  }

  /** Keys starting with {@code prefix} whose effect was done more than once. */
  int doneMoreThanOnce(String prefix) {
    return (int) byKey.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix) && e.getValue().size() > 1)
        .count();
  }

  /** Workflows (keys starting with {@code prefix}) with effects done by more than one process. */
  int workflowsRunInSeveralProcesses(String prefix) {
    Map<String, Set<Long>> pids = new LinkedHashMap<>();
    byKey.values().stream().flatMap(List::stream).filter(e -> e.key().startsWith(prefix))
        .forEach(e -> pids.computeIfAbsent(e.workflow(), w -> new HashSet<>()).add(e.pid()));
    return (int) pids.values().stream().filter(p -> p.size() > 1).count();
  }
}
