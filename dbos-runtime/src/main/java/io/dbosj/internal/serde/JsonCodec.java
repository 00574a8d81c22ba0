package io.dbosj.internal.serde;

import io.dbosj.UnserializableValueException;
import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.codegen.TypeToken;
import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes recorded values as JSON text with Jackson, always against the type the
 * processor captured at compile time: nothing read from the database chooses a class.
 */
public final class JsonCodec {
  /** The name written to the {@code serialization} columns. */
  public static final String FORMAT = "json";

  /**
   * Made on first use, not with the codec: building a mapper loads some 450 Jackson classes, a
   * few hundred milliseconds in a new JVM, which {@code launch()} need not wait for.
   */
  private volatile JsonMapper mapper;
  private final ConcurrentMap<Type, JavaType> javaTypes = new ConcurrentHashMap<>();
  private final ConcurrentMap<Type, ObjectWriter> writers = new ConcurrentHashMap<>();

  /**
   * The arguments of a call as a JSON array, each written as its declared type.
   *
   * @throws UnserializableValueException naming the method, parameter and type, if one fails
   */
  public String encodeArguments(String owner, DurableMethod<?> method, Object[] args) {
    List<DurableMethod.Param> params = method.params();
    StringBuilder json = new StringBuilder().append('[');
    for (int i = 0; i < params.size(); i++) {
      DurableMethod.Param param = params.get(i);
      if (i > 0) {
        json.append(',');
      }
      try {
        json.append(writer(param.type().type()).writeValueAsString(args[i]));
      } catch (JacksonException | IllegalArgumentException e) {
        throw new UnserializableValueException(
            "cannot record argument '"
                + param.name()
                + "' of type "
                + param.type()
                + " of "
                + owner
                + "."
                + method.name()
                + " as JSON: "
                + e.getMessage()
                + ". Pass a value Jackson can write (a record, a bean with getters, a"
                + " collection or a simple value), or give the type a Jackson serializer.",
            e);
      }
    }
    return json.append(']').toString();
  }

  /** Arguments whose declared types are not known here, written as their runtime types. */
  public String encodeUntyped(Object[] args) {
    try {
      return mapper().writeValueAsString(args == null ? new Object[0] : args);
    } catch (JacksonException e) {
      throw new UnserializableValueException("cannot write the arguments as JSON: " + e.getMessage(), e);
    }
  }

  /** Reads back arguments written by {@link #encodeArguments}. */
  public Object[] decodeArguments(DurableMethod<?> method, String json) {
    List<DurableMethod.Param> params = method.params();
    JsonNode array = mapper().readTree(json == null ? "[]" : json);
    if (!array.isArray() || array.size() != params.size()) {
      throw new IllegalArgumentException(
          "recorded inputs of "
              + method.name()
              + " do not match its "
              + params.size()
              + " parameter(s): "
              + json);
    }
    Object[] args = new Object[params.size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = mapper().treeToValue(array.get(i), javaType(params.get(i).type().type()));
    }
    return args;
  }

  /**
   * A result as JSON, written as its declared type.
   *
   * @throws UnserializableValueException naming what produced it and the type, if it fails
   */
  public String encodeResult(String what, TypeToken<?> type, Object value) {
    if (type.isVoid()) {
      return null;
    }
    try {
      return writer(type.type()).writeValueAsString(value);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new UnserializableValueException(
          "cannot record the result of "
              + what
              + " (declared type "
              + type
              + ") as JSON: "
              + e.getMessage()
              + ". Return a value Jackson can write, or give the type a Jackson serializer.",
          e);
    }
  }

  /** Reads back a result written by {@link #encodeResult}. */
  @SuppressWarnings("unchecked")
  public <R> R decodeResult(TypeToken<R> type, String json) {
    if (type.isVoid() || json == null) {
      return type.defaultValue();
    }
    return (R) mapper().readValue(json, javaType(type.type()));
  }

  /** Reads a recorded value whose declared type is not known here, as maps, lists and scalars. */
  public Object decodeUntyped(String json) {
    return json == null ? null : mapper().readValue(json, Object.class);
  }

  /** An exception as recorded text: its class, message and stack. */
  public String encodeError(Throwable error) {
    return mapper().writeValueAsString(RecordedError.of(error));
  }

  /** Reads back an error written by {@link #encodeError}. */
  public RecordedError decodeError(String json) {
    return mapper().readValue(json, RecordedError.class);
  }

  /**
   * The mapper. It fails on types with no properties instead of writing {@code {}}: recording an
   * object as empty would silently lose its state on replay.
   */
  private JsonMapper mapper() {
    JsonMapper m = mapper;
    if (m == null) {
      synchronized (this) {
        m = mapper;
        if (m == null) {
          m = JsonMapper.builder().enable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();
          mapper = m;
        }
      }
    }
    return m;
  }

  private ObjectWriter writer(Type type) {
    return writers.computeIfAbsent(type, t -> mapper().writerFor(javaType(t)));
  }

  private JavaType javaType(Type type) {
    return javaTypes.computeIfAbsent(type, t -> mapper().getTypeFactory().constructType(t));
  }
}
