package io.dbosj.internal.admin;

import io.dbosj.WorkflowState;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The fields of a JSON object request body, read as DBOS's admin API types them (a list field
 * also takes one string, as DBOS's does). A null field counts as absent; a field of the wrong type,
 * or one the endpoint does not know, is a {@link BadRequest} naming it.
 */
final class RequestFields {
  private final JsonNode body;

  private RequestFields(JsonNode body) {
    this.body = body;
  }

  /**
   * @param body the parsed body, {@code null} for none (as {@code {}})
   * @param known the fields the endpoint reads
   */
  static RequestFields of(JsonNode body, List<String> known, String endpoint) {
    if (body == null) {
      return new RequestFields(null);
    }
    if (!body.isObject()) {
      throw new BadRequest(endpoint + " takes a JSON object, e.g. {\"limit\": 20}");
    }
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      if (!known.contains(field.getKey())) {
        throw new BadRequest(
            "unknown field \"" + field.getKey() + "\" for " + endpoint + "; its fields are "
                + String.join(", ", known));
      }
    }
    return new RequestFields(body);
  }

  private JsonNode get(String field) {
    JsonNode value = body == null ? null : body.get(field);
    return value == null || value.isNull() ? null : value;
  }

  /** A list of strings, one string, or absent (empty). */
  List<String> strings(String field) {
    JsonNode value = get(field);
    if (value == null) {
      return List.of();
    }
    if (value.isString()) {
      return List.of(value.asString());
    }
    if (!value.isArray()) {
      throw new BadRequest(field + " must be a string or a list of strings, e.g. [\"a\", \"b\"]");
    }
    List<String> list = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isString()) {
        throw new BadRequest(field + " must be a list of strings; it holds " + item);
      }
      list.add(item.asString());
    }
    return list;
  }

  /** At most one string, given as a string or a list of one; {@code null} if absent. */
  String single(String field) {
    List<String> values = strings(field);
    if (values.size() > 1) {
      throw new BadRequest(field + ": io.dbosj filters on one value at a time; " + values.size() + " were given");
    }
    return values.isEmpty() ? null : values.get(0);
  }

  String string(String field) {
    JsonNode value = get(field);
    if (value != null && !value.isString()) {
      throw new BadRequest(field + " must be a string; it is " + value);
    }
    return value == null ? null : value.asString();
  }

  Integer integer(String field) {
    JsonNode value = get(field);
    if (value != null && !(value.isIntegralNumber() && value.canConvertToInt())) {
      throw new BadRequest(field + " must be an integer; it is " + value);
    }
    return value == null ? null : value.asInt();
  }

  Long longInteger(String field) {
    JsonNode value = get(field);
    if (value != null && !(value.isIntegralNumber() && value.canConvertToLong())) {
      throw new BadRequest(field + " must be an integer; it is " + value);
    }
    return value == null ? null : value.asLong();
  }

  boolean bool(String field, boolean absent) {
    JsonNode value = get(field);
    if (value != null && !value.isBoolean()) {
      throw new BadRequest(field + " must be true or false; it is " + value);
    }
    return value == null ? absent : value.asBoolean();
  }

  /** An ISO-8601 instant such as {@code 2026-01-31T12:00:00Z}; {@code null} if absent. */
  Instant instant(String field) {
    String text = string(field);
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRequest(field + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z; it is \"" + text + "\"");
    }
  }

  /** Workflow statuses by DBOS's names. */
  WorkflowState[] states(String field) {
    List<WorkflowState> states = new ArrayList<>();
    for (String name : strings(field)) {
      try {
        states.add(WorkflowState.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw new BadRequest(
            "unknown " + field + " \"" + name + "\"; use one of " + Arrays.toString(WorkflowState.values()));
      }
    }
    return states.toArray(new WorkflowState[0]);
  }

  /** A field of DBOS's API that io.dbosj cannot act on: accepted only when absent or empty. */
  void unsupported(String field) {
    JsonNode value = get(field);
    if (value != null && !(value.isArray() && value.isEmpty()) && !(value.isString() && value.asString().isEmpty())) {
      throw new BadRequest(field + " is a filter io.dbosj does not support yet; leave it out");
    }
  }
}
