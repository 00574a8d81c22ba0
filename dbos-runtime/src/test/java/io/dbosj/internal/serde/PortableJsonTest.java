package io.dbosj.internal.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.codegen.TypeToken;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What this project records, exactly as DBOS's portable_json readers find it, and read back as declared. */
class PortableJsonTest {
  public record Order(String sku, int qty, Instant at) {}

  private final JsonCodec json = new JsonCodec();

  private static final DurableMethod<Order> CHECKOUT =
      DurableMethod.workflow("checkout", TypeToken.of(Order.class))
          .param("customer", TypeToken.of(String.class))
          .param("quantity", TypeToken.of(int.class))
          .param("order", TypeToken.of(Order.class));

  @Test
  void workflowInputsArePositionalArgsEachWrittenAsItsDeclaredType() {
    Order order = new Order("A-1", 2, Instant.parse("2026-01-02T03:04:05Z"));

    String inputs = json.encodeArguments("com.shop.Shop", CHECKOUT, new Object[] {"alice", 3, order});

    assertThat(inputs)
        .isEqualTo("{\"positionalArgs\":[\"alice\",3,{\"sku\":\"A-1\",\"qty\":2,\"at\":\"2026-01-02T03:04:05Z\"}]}");
    assertThat(json.decodeArguments(CHECKOUT, Serialization.PORTABLE_JSON, inputs)).containsExactly("alice", 3, order);
  }

  @Test
  void workflowInputsWithoutArgumentsAreAnEmptyPositionalList() {
    DurableMethod<Void> noArgs = DurableMethod.workflow("tick", TypeToken.of(void.class));

    String inputs = json.encodeArguments("com.shop.Shop", noArgs, new Object[0]);

    assertThat(inputs).isEqualTo("{\"positionalArgs\":[]}");
    assertThat(json.decodeArguments(noArgs, Serialization.PORTABLE_JSON, inputs)).isEmpty();
  }

  @Test
  void argumentsOfUnknownTypesAreWrittenAsPortableInputsToo() {
    assertThat(json.encodeUntyped(new Object[] {"alice", 3})).isEqualTo("{\"positionalArgs\":[\"alice\",3]}");
    assertThat(json.encodeUntyped(new Object[0])).isEqualTo("{\"positionalArgs\":[]}");
  }

  @Test
  void valuesArePlainJsonDatesIsoStringsMapsObjectsSetsArrays() {
    Map<String, Set<String>> tags = new LinkedHashMap<>();
    tags.put("colors", new LinkedHashSet<>(List.of("red", "blue")));
    TypeToken<Map<String, Set<String>>> type = new TypeToken<Map<String, Set<String>>>() {};

    assertThat(json.encodeResult("step S.tags", type, tags)).isEqualTo("{\"colors\":[\"red\",\"blue\"]}");
    assertThat(json.encodeResult("step S.now", TypeToken.of(Instant.class), Instant.parse("2026-01-02T03:04:05.123Z")))
        .isEqualTo("\"2026-01-02T03:04:05.123Z\"");
    assertThat(json.decodeResult(type, Serialization.PORTABLE_JSON, "{\"colors\":[\"red\",\"blue\"]}"))
        .isEqualTo(tags);
  }

  @Test
  void anErrorIsDbosNameMessageCodeAndDataThenOurClassNameAndStack() {
    IllegalStateException error = new IllegalStateException("out of stock");
    error.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.shop.Orders", "charge", "Orders.java", 42)});

    String recorded = json.encodeError(error);

    assertThat(recorded)
        .isEqualTo(
            "{\"name\":\"IllegalStateException\",\"message\":\"out of stock\",\"code\":null,\"data\":null,"
                + "\"className\":\"java.lang.IllegalStateException\",\"stack\":[{\"declaringClass\":\"com.shop.Orders\","
                + "\"methodName\":\"charge\",\"fileName\":\"Orders.java\",\"lineNumber\":42}]}");
    Throwable rebuilt = json.decodeError(Serialization.PORTABLE_JSON, recorded).rebuild("wf-1", Map.of());
    assertThat(rebuilt).isExactlyInstanceOf(IllegalStateException.class).hasMessage("out of stock");
    assertThat(rebuilt.getStackTrace()).containsExactly(error.getStackTrace());
  }

  @Test
  void theNameOfANestedExceptionIsItsSimpleNameAsDbosJavaWritesIt() {
    assertThat(json.encodeError(new Refused("no"))).startsWith("{\"name\":\"Refused\",\"message\":\"no\",");
    assertThat(RecordedError.describe(json.encodeError(new Refused("no"))).className()).isEqualTo(Refused.class.getName());
  }

  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }
}
