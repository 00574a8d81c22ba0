package io.dbosj.internal.serde;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads DBOS TypeScript's {@code js_superjson} records: {@code {"json": value, "meta": {"values":
 * {path: [annotation]}}, "__dbos_serializer": "superjson"}}. Its {@code json} part is plain JSON
 * already (a {@code Date} an ISO-8601 string, a {@code Set} an array, a {@code bigint} a decimal
 * string, all of which Jackson reads as {@code Instant}, {@code Set} and {@code long}); only a
 * {@code Map}, written as an array of {@code [key, value]} pairs, is turned back into the object
 * a Java {@code Map} or record reads from.
 */
final class SuperJson {
  static final String MARKER_KEY = "__dbos_serializer";
  static final String MARKER_VALUE = "superjson";

  private SuperJson() {}

  /** Whether {@code node} is a record DBOS TypeScript's superjson serializer wrote. */
  static boolean isBranded(JsonNode node) {
    return node.isObject()
        && node.has("json")
        && node.path(MARKER_KEY).isString()
        && node.path(MARKER_KEY).asString().equals(MARKER_VALUE);
  }

  /**
   * The plain JSON {@code record} holds.
   *
   * @throws IllegalArgumentException if it is not a superjson record
   */
  static JsonNode plain(JsonNode record) {
    if (!isBranded(record)) {
      throw new IllegalArgumentException(
          "it is not js_superjson: it has no \"json\" part and \"" + MARKER_KEY + "\": \"" + MARKER_VALUE + "\" marker");
    }
    JsonNode json = record.get("json").deepCopy();
    JsonNode values = record.path("meta").path("values");
    if (isMap(values)) {
      return objectOf(json); // the whole value is a Map: its annotation has no path
    }
    if (values.isObject()) {
      for (Map.Entry<String, JsonNode> annotated : values.properties()) {
        if (isMap(annotated.getValue())) {
          json = replaced(json, path(annotated.getKey()), 0);
        }
      }
    }
    return json;
  }

  private static boolean isMap(JsonNode annotation) {
    return annotation.isArray() && annotation.path(0).isString() && annotation.path(0).asString().equals("map");
  }

  /** {@code node} with the pairs at {@code path} (from {@code depth} on) made an object. */
  private static JsonNode replaced(JsonNode node, List<String> path, int depth) {
    if (depth == path.size()) {
      return objectOf(node);
    }
    String step = path.get(depth);
    if (node.isObject() && node.has(step)) {
      ((ObjectNode) node).set(step, replaced(node.get(step), path, depth + 1));
    } else if (node.isArray() && isIndex(step) && Integer.parseInt(step) < node.size()) {
      int index = Integer.parseInt(step);
      ((ArrayNode) node).set(index, replaced(node.get(index), path, depth + 1));
    }
    return node;
  }

  private static JsonNode objectOf(JsonNode pairs) {
    if (!pairs.isArray()) {
      return pairs;
    }
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    for (JsonNode pair : pairs) {
      if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isString()) {
        throw new IllegalArgumentException(
            "a js_superjson Map whose keys are not all strings cannot be read as a Java value: " + pairs);
      }
      object.set(pair.get(0).asString(), pair.get(1));
    }
    return object;
  }

  private static boolean isIndex(String step) {
    return !step.isEmpty() && step.chars().allMatch(Character::isDigit) && step.length() < 10;
  }

  /** superjson's dotted path, whose keys escape a dot as {@code \.} and a backslash as {@code \\}. */
  private static List<String> path(String dotted) {
    List<String> steps = new ArrayList<>();
    StringBuilder step = new StringBuilder();
    for (int i = 0; i < dotted.length(); i++) {
      char c = dotted.charAt(i);
      if (c == '\\' && i + 1 < dotted.length()) {
        step.append(dotted.charAt(++i));
      } else if (c == '.') {
        steps.add(step.toString());
        step.setLength(0);
      } else {
        step.append(c);
      }
    }
    steps.add(step.toString());
    return steps;
  }
}
