package io.dbosj.conformance.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a tool run in its own process left: exit code, standard output, standard error. */
public record ToolOutput(String command, int exit, String stdout, String stderr) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Fails, showing the whole run, unless the tool exited 0. */
  public ToolOutput succeeded() {
    if (exit != 0) {
      throw new AssertionError(this + " failed");
    }
    return this;
  }

  /** Standard output read as one JSON document, after checking that the tool succeeded. */
  public JsonNode json() {
    succeeded();
    try {
      return JSON.readTree(stdout);
    } catch (RuntimeException e) {
      throw new AssertionError(this + " did not print one JSON document: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "`" + command + "` (exit " + exit + ")\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
  }
}
