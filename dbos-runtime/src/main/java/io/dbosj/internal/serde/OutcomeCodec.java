package io.dbosj.internal.serde;

import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.codegen.TypeToken;
import java.util.Map;

/**
 * The one encoding of an outcome as it is recorded (an output, or an error) for steps,
 * transactions and workflows alike, and its decoding back into the value or the exception.
 */
public final class OutcomeCodec {
  /**
   * An outcome in its recorded form. {@code outcome} is the one to report: a value that could
   * not be written as JSON becomes the failure that says so, recorded as the error.
   */
  public record Encoded<R>(Outcome<R> outcome, String output, String error) {}

  private final JsonCodec json;

  public OutcomeCodec(JsonCodec json) {
    this.json = json;
  }

  public JsonCodec json() {
    return json;
  }

  /** Encodes the outcome of {@code what} (e.g. {@code "step Orders.charge"}), declared as {@code type}. */
  public <R> Encoded<R> encode(String what, TypeToken<R> type, Outcome<R> outcome) {
    if (outcome.error() == null) {
      try {
        return new Encoded<>(outcome, json.encodeResult(what, type, outcome.value()), null);
      } catch (RuntimeException e) {
        outcome = Outcome.failure(e);
      }
    }
    return new Encoded<>(outcome, null, json.encodeError(outcome.error()));
  }

  /**
   * A recorded outcome of {@code method} in workflow {@code workflowId}, as its declared type,
   * written in the format {@code serialization} (its row's column) names.
   */
  public <R> Outcome<R> decode(
      String workflowId, DurableMethod<R> method, String serialization, String output, String error) {
    if (error != null) {
      return Outcome.failure(
          json.decodeError(serialization, error).rebuild(workflowId, method.exceptionFactories()));
    }
    return Outcome.success(json.decodeResult(method.returnType(), serialization, output));
  }

  /**
   * The recorded outcome of step {@code functionId} of {@code workflowId}, as its declared type.
   *
   * @throws io.dbosj.DbosException naming the workflow, the step and the record, if the record
   *     does not parse as that type (written by other code, or damaged)
   */
  public <R> Outcome<R> decodeStep(
      String workflowId, int functionId, DurableMethod<R> method, String serialization, String output, String error) {
    try {
      return decode(workflowId, method, serialization, output, error);
    } catch (tools.jackson.core.JacksonException e) {
      throw unreadableStep(workflowId, functionId, method, output, error, e.getOriginalMessage(), e);
    } catch (ClassCastException | IllegalArgumentException e) {
      throw unreadableStep(workflowId, functionId, method, output, error, e.getMessage(), e);
    }
  }

  private static io.dbosj.DbosException unreadableStep(
      String workflowId, int functionId, DurableMethod<?> method, String output, String error, String why,
      RuntimeException e) {
    boolean isError = error != null;
    String found = isError ? error : output;
    return new io.dbosj.DbosException(
          "workflow " + workflowId + ": the recorded " + (isError ? "error" : "output") + " of step "
              + functionId + " (" + method.name() + ") in operation_outputs cannot be read as "
              + (isError ? "a recorded exception" : method.returnType().toString()) + ": it holds "
              + (found.length() > 200 ? found.substring(0, 200) + "..." : found)
            + " (" + why + ")",
        e);
  }

  /** A recorded outcome whose declared type is not known here: plain JSON values. */
  public Outcome<Object> decodeUntyped(String workflowId, String serialization, String output, String error) {
    if (error != null) {
      return Outcome.failure(json.decodeError(serialization, error).rebuild(workflowId, Map.of()));
    }
    return Outcome.success(json.decodeUntyped(serialization, output));
  }
}
