package io.dbosj.internal.serde;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Removes the type ids DBOS Java's {@code java_jackson} format writes (Jackson's default typing on
 * every non-primitive value), leaving the plain JSON to read as the declared type. The ids are
 * dropped unread: no class they name is looked at, let alone loaded.
 *
 * <p>That format writes an object as {@code {"@class": "com.x.Order", ...}}, and every other typed
 * value, collections and arrays included, as a pair {@code ["java.util.ArrayList", [...]]}; so in
 * it every JSON array is such a pair, and strings, {@code int}s, {@code double}s and booleans are
 * written bare.
 */
final class JacksonTypeIds {
  private static final String CLASS_PROPERTY = "@class";

  private JacksonTypeIds() {}

  /**
   * {@code typed} without its type ids.
   *
   * @throws IllegalArgumentException if an array in it is not a {@code [type id, value]} pair: it
   *     was not written with Jackson's default typing
   */
  static JsonNode strip(JsonNode typed) {
    if (typed.isArray()) {
      if (typed.size() != 2 || !typed.get(0).isString()) {
        throw new IllegalArgumentException(
            "it is not java_jackson JSON: an array there must be a [type id, value] pair, found " + brief(typed));
      }
      JsonNode value = typed.get(1);
      if (!value.isArray()) {
        return strip(value);
      }
      ArrayNode elements = JsonNodeFactory.instance.arrayNode(value.size());
      for (JsonNode element : value) {
        elements.add(strip(element));
      }
      return elements;
    }
    if (typed.isObject()) {
      ObjectNode plain = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> property : typed.properties()) {
        if (!property.getKey().equals(CLASS_PROPERTY)) {
          plain.set(property.getKey(), strip(property.getValue()));
        }
      }
      return plain;
    }
    return typed;
  }

  /**
   * Whether {@code node} carries Jackson's type ids at its top: an object with {@code @class}, or
   * an array {@code ["[L...;", [...]]} (the Java array DBOS Java records inputs as).
   */
  static boolean looksTyped(JsonNode node) {
    return node.isObject() ? node.has(CLASS_PROPERTY) : isTypedArray(node);
  }

  /** Whether {@code node} is a Java array with its type id: {@code ["[Ljava.lang.Object;", [...]]}. */
  static boolean isTypedArray(JsonNode node) {
    return node.isArray()
        && node.size() == 2
        && node.get(0).isString()
        && node.get(0).asString().startsWith("[")
        && node.get(1).isArray();
  }

  private static String brief(JsonNode node) {
    String text = node.toString();
    return text.length() > 120 ? text.substring(0, 120) + "..." : text;
  }
}
