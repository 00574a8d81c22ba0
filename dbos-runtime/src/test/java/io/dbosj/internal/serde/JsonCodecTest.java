package io.dbosj.internal.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dbosj.UnserializableValueException;
import io.dbosj.WorkflowStatus;
import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.codegen.TypeToken;
import org.junit.jupiter.api.Test;

/** A value is recorded only if it reads back as its declared type; the check runs once per type. */
class JsonCodecTest {
  /** Jackson writes its getter, but finds no creator to read it back with. */
  public static final class WriteOnly {
    private final String code;

    private WriteOnly(String code) {
      this.code = code;
    }

    public static WriteOnly of(String code) {
      return new WriteOnly(code);
    }

    public String getCode() {
      return code;
    }
  }

  /** Reads back, except a value its creator refuses: how a later, unchecked value can still fail. */
  public static final class Picky {
    private final String code;

    @JsonCreator
    public Picky(@JsonProperty("code") String code) {
      if (code.equals("refused")) {
        throw new IllegalArgumentException("refused");
      }
      this.code = code;
    }

    private Picky(String code, boolean unchecked) {
      this.code = code;
    }

    /** A value the creator would refuse, made without it. */
    static Picky unchecked(String code) {
      return new Picky(code, true);
    }

    public String getCode() {
      return code;
    }
  }

  private final JsonCodec json = new JsonCodec();

  @Test
  void aResultThatCannotBeReadBackFailsNamingWhatRecordsItTheTypeJacksonsReasonAndTheFix() {
    TypeToken<WriteOnly> type = TypeToken.of(WriteOnly.class);

    assertThatThrownBy(() -> json.encodeResult("step Shop.issue", type, WriteOnly.of("r-1")))
        .isInstanceOf(UnserializableValueException.class)
        .hasMessageContaining("cannot record the result of step Shop.issue")
        .hasMessageContaining("cannot be read back as the declared type " + WriteOnly.class.getName())
        .hasMessageContaining("Cannot construct instance")
        .hasMessageContaining("@JsonCreator")
        .hasMessageContaining("a record");
  }

  @Test
  void anArgumentThatCannotBeReadBackFailsNamingTheParameterAndTheMethod() {
    DurableMethod<String> method =
        DurableMethod.workflow("checkout", TypeToken.of(String.class))
            .param("label", TypeToken.of(String.class))
            .param("receipt", TypeToken.of(WriteOnly.class));

    assertThatThrownBy(() -> json.encodeArguments("com.shop.Shop", method, new Object[] {"a", WriteOnly.of("r")}))
        .isInstanceOf(UnserializableValueException.class)
        .hasMessageContaining("argument 'receipt' of com.shop.Shop.checkout")
        .hasMessageContaining(WriteOnly.class.getName());
  }

  @Test
  void aReadableValueIsWrittenAsJacksonWritesIt() {
    assertThat(json.encodeResult("step S.s", TypeToken.of(Picky.class), new Picky("ok"))).isEqualTo("{\"code\":\"ok\"}");
    assertThat(json.encodeResult("step S.s", TypeToken.of(WriteOnly.class), null)).isEqualTo("null");
  }

  @Test
  void onlyTheFirstValueOfAClassIsReadBackAsItsDeclaredType() {
    TypeToken<Picky> type = TypeToken.of(Picky.class);
    assertThatThrownBy(() -> new JsonCodec().encodeResult("step S.s", type, Picky.unchecked("refused")))
        .isInstanceOf(UnserializableValueException.class)
        .hasMessageContaining("refused");

    json.encodeResult("step S.s", type, new Picky("ok"));
    // the first Picky read back; later ones are written without reading them (the hot path)
    assertThat(json.encodeResult("step S.s", type, Picky.unchecked("refused")))
        .isEqualTo("{\"code\":\"refused\"}");
  }

  @Test
  void aRecordedErrorIsDescribedByItsClassAndMessageAndAnUnreadableOneShownAsItIs() {
    String recorded = json.encodeError(new IllegalStateException("out of stock"));

    WorkflowStatus.Failure ours = RecordedError.describe(recorded);
    assertThat(ours.className()).isEqualTo(IllegalStateException.class.getName());
    assertThat(ours.message()).isEqualTo("out of stock");
    assertThat(ours.recorded()).isEqualTo(recorded);
    assertThat(ours).hasToString("java.lang.IllegalStateException: out of stock");

    WorkflowStatus.Failure dbos = RecordedError.describe("{\"name\":\"Error\",\"message\":\"boom\",\"stack\":\"...\"}");
    assertThat(dbos).hasToString("Error: boom");

    WorkflowStatus.Failure damaged = RecordedError.describe("{not json");
    assertThat(damaged.className()).isNull();
    assertThat(damaged).hasToString("{not json");
    assertThat(RecordedError.describe(null)).isNull();
  }
}
