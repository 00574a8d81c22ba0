package io.dbosj.internal.serde;

import io.dbosj.UnserializableValueException;
import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.codegen.TypeToken;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
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
  /** The name written to the {@code serialization} column of every row this project records. */
  public static final String FORMAT = Serialization.PORTABLE_JSON;

  private static final String ARGS_OPENING = "{\"positionalArgs\":[";
  private static final String ARGS_CLOSING = "]}";

  /**
   * Made on first use, not with the codec: building a mapper loads some 450 Jackson classes, a
   * few hundred milliseconds in a new JVM, which {@code launch()} need not wait for.
   */
  private volatile JsonMapper mapper;
  private final ConcurrentMap<Type, JavaType> javaTypes = new ConcurrentHashMap<>();
  private final ConcurrentMap<Type, ObjectWriter> writers = new ConcurrentHashMap<>();

  /**
   * The (declared type, value class) pairs whose JSON was read back as the declared type once:
   * what is written of them later is not read back again. Whether a value reads back depends on
   * its declared type (which picks the deserializer) and its runtime class (which picks the
   * serializer, and a subtype of an abstract declared type), not on the method recording it.
   */
  private final Set<ReadBack> readable = ConcurrentHashMap.newKeySet();

  /** The hot path's answer: per declared type, the value class last found readable as it. */
  private final ConcurrentMap<Type, Class<?>> lastReadable = new ConcurrentHashMap<>();

  private record ReadBack(Type declared, Class<?> runtime) {}

  /**
   * The arguments of a call as {@code portable_json} inputs, {@code {"positionalArgs": [...]}},
   * each written as its declared type.
   *
   * @throws UnserializableValueException naming the method, parameter and type, if one fails
   */
  public String encodeArguments(String owner, DurableMethod<?> method, Object[] args) {
    List<DurableMethod.Param> params = method.params();
    StringBuilder json = new StringBuilder().append(ARGS_OPENING);
    for (int i = 0; i < params.size(); i++) {
      DurableMethod.Param param = params.get(i);
      if (i > 0) {
        json.append(',');
      }
      String written;
      try {
        written = writer(param.type().type()).writeValueAsString(args[i]);
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
      if (!isKnownReadable(param.type(), args[i])) {
        checkReadsBack(
            param.type(), args[i], written,
            () -> "argument '" + param.name() + "' of " + owner + "." + method.name());
      }
      json.append(written);
    }
    return json.append(ARGS_CLOSING).toString();
  }

  /** Arguments whose declared types are not known here, written as their runtime types, as {@code portable_json} inputs. */
  public String encodeUntyped(Object[] args) {
    try {
      String positional = mapper().writeValueAsString(args == null ? new Object[0] : args);
      return ARGS_OPENING + positional.substring(1, positional.length() - 1) + ARGS_CLOSING;
    } catch (JacksonException e) {
      throw new UnserializableValueException("cannot write the arguments as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Reads back recorded inputs as the declared parameter types of {@code method}: inputs this
   * project wrote, and those DBOS's clients enqueue, in the format {@code serialization} names.
   *
   * @throws IllegalArgumentException saying what does not fit, if they do not decode as those types
   * @throws JacksonException if they are not JSON
   */
  public Object[] decodeArguments(DurableMethod<?> method, String serialization, String json) {
    List<DurableMethod.Param> params = method.params();
    JsonNode array;
    try {
      array = json == null ? mapper().createArrayNode() : RecordedJson.positionalArgs(mapper(), serialization, json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the recorded inputs (serialization " + quoted(serialization) + ") of " + method.name()
              + " cannot be read: " + e.getMessage(),
          e);
    }
    if (array.size() != params.size()) {
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
      DurableMethod.Param param = params.get(i);
      try {
        args[i] = mapper().treeToValue(array.get(i), javaType(param.type().type()));
      } catch (JacksonException e) {
        throw new IllegalArgumentException(
            "argument '" + param.name() + "' of " + method.name() + " (declared " + param.type()
                + ") cannot be read from its recorded inputs (serialization " + quoted(serialization) + "): "
                + e.getOriginalMessage(),
            e);
      }
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
    String written;
    try {
      written = writer(type.type()).writeValueAsString(value);
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
    if (!isKnownReadable(type, value)) {
      checkReadsBack(type, value, written, () -> "the result of " + what);
    }
    return written;
  }

  /** Whether a value of this class was read back as {@code declared} already; {@code null} needs no reading. */
  private boolean isKnownReadable(TypeToken<?> declared, Object value) {
    return value == null || lastReadable.get(declared.type()) == value.getClass();
  }

  /**
   * Reads {@code written} back as {@code declared} the first time a value of its class is
   * recorded as that type, so that a value Jackson writes but cannot read (a class with getters
   * and no creator, say) fails the call that records it, not the recovery after a crash.
   *
   * @throws UnserializableValueException naming what records it, the type, Jackson's reason and
   *     the fix, if it does not read back
   */
  private void checkReadsBack(TypeToken<?> declared, Object value, String written, Supplier<String> what) {
    ReadBack key = new ReadBack(declared.type(), value.getClass());
    if (readable.contains(key)) {
      lastReadable.put(declared.type(), value.getClass());
      return;
    }
    try {
      mapper().readValue(written, javaType(declared.type()));
    } catch (JacksonException e) {
      throw unreadable(declared, value, what.get(), e.getOriginalMessage(), e);
    } catch (RuntimeException e) {
      // a creator or setter of the user's type threw while reading its own JSON
      throw unreadable(declared, value, what.get(), e.toString(), e);
    }
    readable.add(key);
    lastReadable.put(declared.type(), value.getClass());
  }

  private static UnserializableValueException unreadable(
      TypeToken<?> declared, Object value, String what, String why, RuntimeException e) {
    return new UnserializableValueException(
        "cannot record " + what + ": a " + value.getClass().getName() + " is written as JSON but cannot be read"
            + " back as the declared type " + declared + ", so a recovery after a crash could not replay it ("
            + why + "). Make " + declared + " readable by Jackson: a record, a class with a constructor"
            + " annotated @JsonCreator (its parameters named by @JsonProperty, or compiled with -parameters),"
            + " or a no-argument constructor with setters; or declare a type that is.",
        e);
  }

  /** Reads back a recorded result, written in the format {@code serialization} names, as its declared type. */
  @SuppressWarnings("unchecked")
  public <R> R decodeResult(TypeToken<R> type, String serialization, String json) {
    if (type.isVoid() || json == null) {
      return type.defaultValue();
    }
    if (isPlain(serialization)) {
      return (R) mapper().readValue(json, javaType(type.type()));
    }
    return (R) mapper().treeToValue(RecordedJson.plain(mapper(), serialization, json), javaType(type.type()));
  }

  /** Reads a recorded value whose declared type is not known here, as maps, lists and scalars. */
  public Object decodeUntyped(String serialization, String json) {
    if (json == null) {
      return null;
    }
    return isPlain(serialization)
        ? mapper().readValue(json, Object.class)
        : mapper().treeToValue(RecordedJson.plain(mapper(), serialization, json), Object.class);
  }

  /**
   * An exception as {@code portable_json} error: DBOS's {@code name} (the simple class name, as
   * DBOS Java writes it), {@code message}, {@code code} and {@code data}, and, in fields DBOS's
   * readers ignore, the {@code className} and {@code stack} this project rebuilds it from.
   */
  public String encodeError(Throwable error) {
    return mapper().writeValueAsString(PortableError.of(RecordedError.of(error)));
  }

  /** Reads back a recorded error, in the format {@code serialization} names. */
  public RecordedError decodeError(String serialization, String json) {
    return RecordedError.fromJson(mapper(), RecordedJson.plain(mapper(), serialization, json));
  }

  /** Whether the format is plain JSON, which Jackson reads directly as the declared type. */
  private static boolean isPlain(String serialization) {
    return Serialization.PORTABLE_JSON.equals(serialization) || Serialization.LEGACY_JSON.equals(serialization);
  }

  private static String quoted(String serialization) {
    return serialization == null ? "null" : "'" + serialization + "'";
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
