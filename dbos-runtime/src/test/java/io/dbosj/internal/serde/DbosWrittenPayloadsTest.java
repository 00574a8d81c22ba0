package io.dbosj.internal.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.WorkflowFailedException;
import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.codegen.TypeToken;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Payloads as DBOS's SDKs write them, read back as the declared types. Each text was produced by
 * the SDK itself: DBOS TypeScript 5.3.0's {@code enqueue_workflow} SQL function (PostgreSQL's
 * {@code json_build_object}) and its serializers ({@code DBOSPortableJSON}, {@code DBOSJSON}),
 * and DBOS Java 1.1.0-m6's {@code SerializationUtil.serializeArgs} and {@code DBOSJavaSerializer}.
 */
class DbosWrittenPayloadsTest {
  public record Order(String sku, int qty, List<String> tags, Instant at, Map<String, Long> counts) {}

  public enum Color { RED }

  private final JsonCodec json = new JsonCodec();

  private static final DurableMethod<String> GREET =
      DurableMethod.workflow("greet", TypeToken.of(String.class))
          .param("name", TypeToken.of(String.class))
          .param("times", TypeToken.of(int.class));

  @Test
  void portableInputsOfDbosTypeScriptsEnqueueWorkflowFunction() {
    String inputs = "{\"positionalArgs\" : [\"alice\",3], \"namedArgs\" : {}}";

    assertThat(json.decodeArguments(GREET, "portable_json", inputs)).containsExactly("alice", 3);
  }

  @Test
  void portableInputsOfDbosClientsWithAndWithoutNamedArgs() {
    assertThat(json.decodeArguments(GREET, "portable_json", "{\"positionalArgs\":[\"alice\",3]}"))
        .containsExactly("alice", 3);
    assertThat(json.decodeArguments(GREET, "portable_json", "{\"positionalArgs\":[\"alice\",3],\"namedArgs\":null}"))
        .containsExactly("alice", 3);
  }

  @Test
  void namedArgumentsAreRefusedSayingAJavaWorkflowTakesPositionalOnes() {
    assertThatThrownBy(
            () -> json.decodeArguments(GREET, "portable_json", "{\"positionalArgs\":[\"alice\"],\"namedArgs\":{\"times\":3}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("named arguments {\"times\":3}")
        .hasMessageContaining("positional arguments only");
  }

  @Test
  void portableDatesAreIsoStringsReadAsInstants() {
    DurableMethod<Void> at =
        DurableMethod.workflow("at", TypeToken.of(void.class)).param("when", TypeToken.of(Instant.class));

    assertThat(json.decodeArguments(at, "portable_json", "{\"positionalArgs\":[\"2026-01-02T03:04:05.000Z\"]}"))
        .containsExactly(Instant.parse("2026-01-02T03:04:05Z"));
  }

  @Test
  void aPortableErrorOfDbosTypeScriptIsAWorkflowFailedExceptionNamedAsItWas() {
    RecordedError error = json.decodeError("portable_json", "{\"name\":\"Error\",\"message\":\"out of stock\"}");

    assertThat(error.rebuild("wf-1", Map.of()))
        .isInstanceOfSatisfying(
            WorkflowFailedException.class,
            e -> {
              assertThat(e.errorClassName()).isEqualTo("Error");
              assertThat(e.errorMessage()).isEqualTo("out of stock");
            });
  }

  @Test
  void javaJacksonInputsOfDbosJavasClientDecodeIntoTheDeclaredTypesIgnoringTheirTypeIds() {
    String inputs =
        "[\"[Ljava.lang.Object;\",[\"alice\",3,[\"java.lang.Long\",7],{\"@class\":\"Ex$Order\",\"sku\":\"A-1\",\"qty\":2,"
            + "\"tags\":[\"java.util.ImmutableCollections$List12\",[\"x\",\"y\"]],\"at\":[\"java.time.Instant\","
            + "\"2026-01-02T03:04:05Z\"],\"counts\":{\"@class\":\"java.util.ImmutableCollections$Map1\",\"k\":"
            + "[\"java.lang.Long\",5]}},[\"java.util.ImmutableCollections$List12\",[1,2]],[\"Ex$Color\",\"RED\"],2.5,"
            + "true,null,[\"[I\",[1,2]],[\"java.util.ImmutableCollections$Set12\",[\"s\"]]]]";
    DurableMethod<Void> method =
        DurableMethod.workflow("everything", TypeToken.of(void.class))
            .param("name", TypeToken.of(String.class))
            .param("times", TypeToken.of(int.class))
            .param("id", TypeToken.of(long.class))
            .param("order", TypeToken.of(Order.class))
            .param("numbers", new TypeToken<List<Integer>>() {})
            .param("color", TypeToken.of(Color.class))
            .param("ratio", TypeToken.of(double.class))
            .param("flag", TypeToken.of(boolean.class))
            .param("note", TypeToken.of(String.class))
            .param("counts", TypeToken.of(int[].class))
            .param("labels", new TypeToken<Set<String>>() {});

    Object[] args = json.decodeArguments(method, "java_jackson", inputs);

    assertThat(args)
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactly(
            "alice", 3, 7L,
            new Order("A-1", 2, List.of("x", "y"), Instant.parse("2026-01-02T03:04:05Z"), Map.of("k", 5L)),
            List.of(1, 2), Color.RED, 2.5, true, null, new int[] {1, 2}, Set.of("s"));
  }

  @Test
  void javaJacksonOutputsDecodeIntoTheDeclaredTypes() {
    String order =
        "{\"@class\":\"Ex$Order\",\"sku\":\"A-1\",\"qty\":2,\"tags\":[\"java.util.ArrayList\",[\"x\"]],"
            + "\"at\":[\"java.time.Instant\",\"2026-01-02T03:04:05Z\"],\"counts\":{\"@class\":\"java.util.HashMap\","
            + "\"k\":[\"java.lang.Long\",5]}}";

    assertThat(json.decodeResult(TypeToken.of(Order.class), "java_jackson", order))
        .isEqualTo(new Order("A-1", 2, List.of("x"), Instant.parse("2026-01-02T03:04:05Z"), Map.of("k", 5L)));
    assertThat(json.decodeResult(TypeToken.of(long.class), "java_jackson", "[\"java.lang.Long\",42]")).isEqualTo(42L);
    assertThat(json.decodeResult(TypeToken.of(String.class), "java_jackson", "\"done\"")).isEqualTo("done");
    assertThat(json.decodeUntyped("java_jackson", "[\"java.util.ArrayList\",[\"x\"]]")).isEqualTo(List.of("x"));
  }

  @Test
  void aJavaJacksonErrorIsReadFromItsTypeAndMessageNeverFromItsSerializedBytes() {
    // DBOS Java's WireThrowable; base64bytes is Java serialization, which is never deserialized
    String wire =
        "{\"@class\":\"dev.dbos.transact.json.WireThrowable\",\"v\":1,\"type\":\"java.lang.IllegalStateException\","
            + "\"message\":\"out of stock\",\"causeType\":null,\"stackPreview\":[\"java.util.ImmutableCollections$ListN\","
            + "[\"Ex.main(Ex.java:15)\"]],\"suppressedCount\":0,\"base64bytes\":\"not-even-base64\",\"node\":null,"
            + "\"extra\":{\"@class\":\"java.util.ImmutableCollections$MapN\"}}";

    assertThat(json.decodeError("java_jackson", wire).rebuild("wf-1", Map.of()))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("out of stock");
  }

  @Test
  void javaJacksonInputsThatDoNotFitTheDeclaredTypesAreRefused() {
    String inputs = "[\"[Ljava.lang.Object;\",[{\"@class\":\"com.other.Thing\",\"a\":1},3]]";

    assertThatThrownBy(() -> json.decodeArguments(GREET, "java_jackson", inputs))
        .hasMessageContaining("java.lang.String");
  }

  @Test
  void textThatIsNotJavaJacksonIsRefusedSayingWhatAnArrayMustBe() {
    assertThatThrownBy(() -> json.decodeArguments(GREET, "java_jackson", "[\"alice\",3]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serialization 'java_jackson'")
        .hasMessageContaining("typed array [\"[Ljava.lang.Object;\", [...]]");
  }

  @Test
  void superjsonInputsOfDbosTypeScriptDecodeFromTheirJsonPartMapsRebuiltFromPairs() {
    String inputs =
        "{\"json\":[\"alice\",3,{\"sku\":\"A-1\",\"qty\":2,\"at\":\"2026-01-02T03:04:05.000Z\"},[[\"a\",1]],[\"x\"],\"5\"],"
            + "\"meta\":{\"values\":{\"3\":[\"map\"],\"4\":[\"set\"],\"5\":[\"bigint\"],\"2.at\":[\"Date\"]}},"
            + "\"__dbos_serializer\":\"superjson\"}";
    DurableMethod<Void> method =
        DurableMethod.workflow("ts", TypeToken.of(void.class))
            .param("name", TypeToken.of(String.class))
            .param("times", TypeToken.of(int.class))
            .param("order", TypeToken.of(Order.class))
            .param("counts", new TypeToken<Map<String, Integer>>() {})
            .param("labels", new TypeToken<Set<String>>() {})
            .param("big", TypeToken.of(long.class));

    assertThat(json.decodeArguments(method, "js_superjson", inputs))
        .containsExactly(
            "alice", 3, new Order("A-1", 2, null, Instant.parse("2026-01-02T03:04:05Z"), null), Map.of("a", 1),
            Set.of("x"), 5L);
  }

  @Test
  void superjsonOutputsAndErrorsOfDbosTypeScript() {
    assertThat(
            json.decodeResult(
                new TypeToken<Map<String, Integer>>() {}, "js_superjson",
                "{\"json\":[[\"a\",1],[\"b\",2]],\"meta\":{\"values\":[\"map\"]},\"__dbos_serializer\":\"superjson\"}"))
        .isEqualTo(Map.of("a", 1, "b", 2));
    String error =
        "{\"json\":{\"name\":\"Error\",\"message\":\"out of stock\",\"stack\":\"Error: out of stock\\n    at x (a.js:1:1)\"},"
            + "\"__dbos_serializer\":\"superjson\"}";
    RecordedError recorded = json.decodeError("js_superjson", error);
    assertThat(recorded.className()).isEqualTo("Error");
    assertThat(recorded.message()).isEqualTo("out of stock");
    assertThat(RecordedError.describe(error)).hasToString("Error: out of stock");
  }

  @Test
  void rowsOurFirstVersionWroteStayReadable() {
    assertThat(json.decodeArguments(GREET, "json", "[\"alice\",3]")).containsExactly("alice", 3);
    String error =
        "{\"className\":\"java.lang.IllegalStateException\",\"message\":\"out of stock\",\"stack\":"
            + "[{\"declaringClass\":\"com.shop.Orders\",\"methodName\":\"charge\",\"fileName\":\"Orders.java\",\"lineNumber\":42}]}";
    Throwable rebuilt = json.decodeError("json", error).rebuild("wf-1", Map.of());
    assertThat(rebuilt).isExactlyInstanceOf(IllegalStateException.class).hasMessage("out of stock");
    assertThat(rebuilt.getStackTrace()[0].getLineNumber()).isEqualTo(42);
  }

  @Test
  void aRowThatNamesNoFormatIsReadAsDbosReadsIt() {
    assertThat(json.decodeArguments(GREET, null, "[\"[Ljava.lang.Object;\",[\"alice\",3]]")).containsExactly("alice", 3);
    assertThat(json.decodeArguments(GREET, null, "{\"json\":[\"alice\",3],\"__dbos_serializer\":\"superjson\"}"))
        .containsExactly("alice", 3);
    assertThat(json.decodeArguments(GREET, null, "{\"positionalArgs\":[\"alice\",3]}")).containsExactly("alice", 3);
  }

  @Test
  void aFormatThisProjectDoesNotKnowIsRefusedNamingTheOnesItReads() {
    assertThatThrownBy(() -> json.decodeArguments(GREET, "pickle", "[]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serialization 'pickle' is not a format this io.dbosj reads")
        .hasMessageContaining("portable_json, java_jackson, js_superjson");
  }
}
