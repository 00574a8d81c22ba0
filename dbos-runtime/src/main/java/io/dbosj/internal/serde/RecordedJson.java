package io.dbosj.internal.serde;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A recorded payload as the plain JSON it holds, read by the format its row's {@code
 * serialization} column names: what is then read as the declared type is the same for every
 * format, and no format gets to name a class.
 */
final class RecordedJson {
  private RecordedJson() {}

  /**
   * The plain JSON of {@code text}, written in {@code serialization}. A row that names no format
   * ({@code null}) is read as DBOS's SDKs read one: superjson if it carries superjson's marker (DBOS
   * TypeScript), else as {@code java_jackson} (DBOS Java), else as plain JSON.
   *
   * @throws IllegalArgumentException if the format is unknown, or the text is not written in it
   * @throws tools.jackson.core.JacksonException if the text is not JSON
   */
  static JsonNode plain(JsonMapper mapper, String serialization, String text) {
    return plain(mapper.readTree(text), serialization);
  }

  private static JsonNode plain(JsonNode tree, String serialization) {
    if (serialization == null) {
      if (SuperJson.isBranded(tree)) {
        return SuperJson.plain(tree);
      }
      return JacksonTypeIds.looksTyped(tree) ? JacksonTypeIds.strip(tree) : tree;
    }
    return switch (serialization) {
      case Serialization.PORTABLE_JSON, Serialization.LEGACY_JSON -> tree;
      case Serialization.JAVA_JACKSON -> JacksonTypeIds.strip(tree);
      case Serialization.JS_SUPERJSON -> SuperJson.plain(tree);
      default -> throw new IllegalArgumentException(unknown(serialization));
    };
  }

  static String unknown(String serialization) {
    return "its serialization '" + serialization + "' is not a format this io.dbosj reads ("
        + Serialization.PORTABLE_JSON + ", " + Serialization.JAVA_JACKSON + ", " + Serialization.JS_SUPERJSON
        + ", or its own earlier " + Serialization.LEGACY_JSON + ")";
  }

  /**
   * The positional arguments in recorded workflow inputs: {@code portable_json} wraps them as
   * {@code {"positionalArgs": [...], "namedArgs": {...}}}, every other format records the array.
   *
   * @throws IllegalArgumentException if they are not there, or named arguments are
   */
  static JsonNode positionalArgs(JsonMapper mapper, String serialization, String text) {
    JsonNode tree = mapper.readTree(text);
    if (Serialization.JAVA_JACKSON.equals(serialization) && !JacksonTypeIds.isTypedArray(tree)) {
      throw new IllegalArgumentException(
          "DBOS Java records inputs as a typed array [\"[Ljava.lang.Object;\", [...]], found " + brief(tree));
    }
    JsonNode inputs = plain(tree, serialization);
    boolean wrapped =
        Serialization.PORTABLE_JSON.equals(serialization) || (serialization == null && inputs.isObject());
    if (wrapped) {
      if (!inputs.isObject()) {
        throw new IllegalArgumentException(
            "portable_json inputs must be an object {\"positionalArgs\": [...]}, found " + brief(inputs));
      }
      JsonNode named = inputs.get("namedArgs");
      if (named != null && !named.isNull() && !(named.isObject() && named.isEmpty())) {
        throw new IllegalArgumentException(
            "they pass named arguments " + brief(named) + ", which a Java workflow does not take:"
                + " enqueue it with positional arguments only");
      }
      JsonNode positional = inputs.get("positionalArgs");
      inputs = positional == null || positional.isNull() ? mapper.createArrayNode() : positional;
    }
    if (!inputs.isArray()) {
      throw new IllegalArgumentException("the positional arguments must be an array, found " + brief(inputs));
    }
    return inputs;
  }

  static String brief(JsonNode node) {
    String text = node.toString();
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
