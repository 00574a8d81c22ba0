package io.dbosj.internal.serde;

import io.dbosj.DbosException;
import io.dbosj.DeterminismException;
import io.dbosj.StepTimeoutException;
import io.dbosj.UnserializableValueException;
import io.dbosj.WorkflowCancelledException;
import io.dbosj.WorkflowFailedException;
import io.dbosj.WorkflowStatus;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An exception as the system database keeps it: class name, message and stack frames. Rebuilt on
 * replay as the same type only when that type is known without reading a class name from the
 * database: a checked exception the durable method declares, one of the JDK's common unchecked
 * exceptions, or one io.dbosj records itself ({@link StepTimeoutException}). Anything else comes back as a {@link WorkflowFailedException} carrying the recorded
 * class, message and stack.
 */
public record RecordedError(String className, String message, List<Frame> stack) {
  /** One stack frame. */
  public record Frame(String declaringClass, String methodName, String fileName, int lineNumber) {}

  private static final Map<String, Function<String, ? extends Throwable>> JDK_EXCEPTIONS =
      Map.ofEntries(
          Map.entry(RuntimeException.class.getName(), RuntimeException::new),
          Map.entry(IllegalArgumentException.class.getName(), IllegalArgumentException::new),
          Map.entry(IllegalStateException.class.getName(), IllegalStateException::new),
          Map.entry(
              UnsupportedOperationException.class.getName(), UnsupportedOperationException::new),
          Map.entry(NullPointerException.class.getName(), NullPointerException::new),
          Map.entry(ArithmeticException.class.getName(), ArithmeticException::new),
          Map.entry(IndexOutOfBoundsException.class.getName(), IndexOutOfBoundsException::new),
          Map.entry(
              ArrayIndexOutOfBoundsException.class.getName(), ArrayIndexOutOfBoundsException::new),
          Map.entry(ClassCastException.class.getName(), ClassCastException::new),
          Map.entry(NumberFormatException.class.getName(), NumberFormatException::new),
          Map.entry(NoSuchElementException.class.getName(), NoSuchElementException::new),
          Map.entry(
              ConcurrentModificationException.class.getName(),
              ConcurrentModificationException::new),
          Map.entry(SecurityException.class.getName(), SecurityException::new));

  private static final Map<String, Function<String, ? extends Throwable>> OWN_EXCEPTIONS =
      Map.of(
          StepTimeoutException.class.getName(), StepTimeoutException::new,
          DeterminismException.class.getName(), DeterminismException::new,
          UnserializableValueException.class.getName(), UnserializableValueException::new,
          DbosException.class.getName(), DbosException::new,
          WorkflowCancelledException.class.getName(), RecordedError::cancelled);

  /** A child's cancellation a parent failed with, from its message ({@code workflow <id> was cancelled; ...}). */
  private static Throwable cancelled(String message) {
    String prefix = "workflow ";
    int end = message == null ? -1 : message.indexOf(" was cancelled");
    return message != null && message.startsWith(prefix) && end > prefix.length()
        ? new WorkflowCancelledException(message.substring(prefix.length(), end))
        : new DbosException(message);
  }

  /** The class name of an error record that names none (a TypeScript workflow may throw any value). */
  static final String UNNAMED = "(unnamed error)";

  /**
   * What a recorded error says, for people: its class and message, read leniently (this
   * project's records name {@code className}, DBOS's SDKs {@code name}, DBOS Java's {@code
   * java_jackson} records {@code type}; superjson's are unwrapped); a record that does not parse
   * names no class and is shown as it is. Never throws: a listing shows every workflow.
   */
  public static WorkflowStatus.Failure describe(String recorded) {
    if (recorded == null) {
      return null;
    }
    try {
      JsonNode node = JsonMapper.shared().readTree(recorded);
      if (SuperJson.isBranded(node)) {
        node = node.get("json");
      }
      if (node.isObject()) {
        return new WorkflowStatus.Failure(className(node), text(node, "message"), recorded);
      }
    } catch (JacksonException e) {
      // not JSON: shown as it is
    }
    return new WorkflowStatus.Failure(null, null, recorded);
  }

  /** The class an error record names: ours in {@code className}, DBOS Java's {@code type}, else DBOS's {@code name}. */
  private static String className(JsonNode node) {
    for (String field : new String[] {"className", "type", "name"}) {
      String value = text(node, field);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /**
   * The error a plain JSON record holds (see {@link RecordedJson#plain}): ours, of either
   * version, or one DBOS's SDKs wrote. Only its names and message are read; a stack is kept when
   * it is ours, and DBOS Java's serialized exception bytes are never deserialized.
   */
  static RecordedError fromJson(JsonMapper mapper, JsonNode node) {
    if (!node.isObject()) {
      return new RecordedError(UNNAMED, node.isString() ? node.asString() : node.toString(), List.of());
    }
    String className = className(node);
    List<Frame> frames = new ArrayList<>();
    JsonNode stack = node.get("stack");
    if (stack != null && stack.isArray()) {
      for (JsonNode frame : stack) {
        if (frame.isObject()) {
          frames.add(mapper.treeToValue(frame, Frame.class));
        }
      }
    }
    return new RecordedError(className != null ? className : UNNAMED, text(node, "message"), frames);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.isString() ? value.asString() : value.toString();
  }

  static RecordedError of(Throwable error) {
    List<Frame> frames = new ArrayList<>();
    for (StackTraceElement e : error.getStackTrace()) {
      frames.add(
          new Frame(e.getClassName(), e.getMethodName(), e.getFileName(), e.getLineNumber()));
    }
    return new RecordedError(error.getClass().getName(), error.getMessage(), frames);
  }

  /**
   * The exception to throw for this record: the same type if {@code declared} (the method's
   * declared exception constructors), the JDK list or io.dbosj's own list knows it, else a {@link
   * WorkflowFailedException}.
   */
  public Throwable rebuild(
      String workflowId, Map<String, Function<String, ? extends Throwable>> declared) {
    Function<String, ? extends Throwable> factory = declared.get(className);
    if (factory == null) {
      factory = JDK_EXCEPTIONS.get(className);
    }
    if (factory == null) {
      factory = OWN_EXCEPTIONS.get(className);
    }
    Throwable rebuilt =
        factory != null
            ? factory.apply(message)
            : new WorkflowFailedException(workflowId, className, message, null);
    rebuilt.setStackTrace(stackTrace());
    return rebuilt;
  }

  private StackTraceElement[] stackTrace() {
    if (stack == null) {
      return new StackTraceElement[0];
    }
    StackTraceElement[] trace = new StackTraceElement[stack.size()];
    for (int i = 0; i < trace.length; i++) {
      Frame f = stack.get(i);
      trace[i] =
          new StackTraceElement(f.declaringClass(), f.methodName(), f.fileName(), f.lineNumber());
    }
    return trace;
  }
}
