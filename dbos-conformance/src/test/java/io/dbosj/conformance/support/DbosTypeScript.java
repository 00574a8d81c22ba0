package io.dbosj.conformance.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * DBOS Transact TypeScript, as {@code dbos-conformance/node/package-lock.json} pins it, installed
 * by {@code npm ci} into {@code target/node} once: a later run finds the install stamped with the
 * lock's hash and installs nothing, and a run after {@code mvn clean} installs from npm's cache
 * ({@code --prefer-offline}). A test class gets it from {@link ConformanceTools}.
 */
public final class DbosTypeScript {
  private static final String STAMP = ".dbosj-installed-lock-sha256";
  /** {@code engines.node} of @dbos-inc/dbos-sdk 5.3.0. */
  private static final int OLDEST_NODE = 20;

  private final Path directory;

  private DbosTypeScript(Path directory) {
    this.directory = directory;
  }

  /**
   * The installed package, installing it first if the install is missing or older than the lock.
   *
   * @throws ToolMissingException if node or npm cannot run here
   */
  static DbosTypeScript installed() throws Exception {
    Path sources = Path.of(System.getProperty("dbosj.conformance.nodeSources", "node"));
    Path target = Path.of(System.getProperty("dbosj.conformance.nodeInstall", "target/node"));
    requireNodeAndNpm();
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(sources)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    String lockHash = sha256(target.resolve("package-lock.json"));
    Path stamp = target.resolve("node_modules").resolve(STAMP);
    if (!Files.exists(stamp) || !Files.readString(stamp).equals(lockHash)
        || !Files.exists(target.resolve("node_modules/.bin/dbos"))) {
      Console.show("dbos-conformance: npm ci of @dbos-inc/dbos-sdk into " + target.toAbsolutePath());
      Processes.run(target, 600, List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund")).succeeded();
      Files.writeString(stamp, lockHash);
    }
    return new DbosTypeScript(target);
  }

  /** DBOS's {@code dbos} command with {@code args}, run in the install's directory. */
  public ToolOutput cli(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(directory.resolve("node_modules/.bin/dbos").toString());
    command.addAll(List.of(args));
    return Processes.run(directory, 120, command);
  }

  /** One of the module's node scripts ({@code node/<name>}) with {@code args}. */
  public ToolOutput script(String name, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("node");
    command.add(directory.resolve(name).toString());
    command.addAll(List.of(args));
    return Processes.run(directory, 120, command);
  }

  /** One of the module's node scripts, started in its own process to run while the test talks to it. */
  public RunningTool startScript(String name, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("node");
    command.add(directory.resolve(name).toString());
    command.addAll(List.of(args));
    return RunningTool.start(directory, command);
  }

  private static void requireNodeAndNpm() throws InterruptedException, ToolMissingException {
    for (String tool : List.of("node", "npm")) {
      String why;
      try {
        ToolOutput version = Processes.run(Path.of("."), 60, List.of(tool, "--version"));
        if (version.exit() != 0) {
          why = version.toString();
        } else if (tool.equals("node") && nodeMajor(version.stdout()) < OLDEST_NODE) {
          why = "node " + version.stdout().trim() + " is older than the " + OLDEST_NODE
              + " that @dbos-inc/dbos-sdk 5.3.0 requires";
        } else {
          continue;
        }
      } catch (IOException e) {
        why = e.getMessage();
      }
      throw new ToolMissingException("`" + tool + "` cannot run (" + why + ")");
    }
  }

  private static int nodeMajor(String version) {
    java.util.regex.Matcher major = java.util.regex.Pattern.compile("v?(\\d+)\\.").matcher(version.trim());
    return major.lookingAt() ? Integer.parseInt(major.group(1)) : 0;
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
