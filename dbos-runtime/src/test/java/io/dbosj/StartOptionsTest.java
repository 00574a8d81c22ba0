package io.dbosj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StartOptionsTest {
  private static final Queue ORDERS = Queue.of("orders").concurrency(2);

  @Test
  void theStaticIdIsTheDefaultsWithThatWorkflowId() {
    assertThat(StartOptions.id("o-42")).isEqualTo(StartOptions.defaults().workflowId("o-42"));
    assertThat(StartOptions.id("o-42").workflowId()).isEqualTo("o-42");
  }

  @Test
  void eachWitherReturnsACopyAndLeavesTheOriginalAsItWas() {
    StartOptions queued = StartOptions.defaults().queue(ORDERS);
    StartOptions prioritised = queued.priority(3);

    assertThat(queued.priority()).isNull();
    assertThat(prioritised.priority()).isEqualTo(3);
    assertThat(prioritised.queue()).isEqualTo(ORDERS);
  }

  @Test
  void queueNameIsTheNameOfTheQueueGivenOrNull() {
    assertThat(StartOptions.defaults().queue(ORDERS).queueName()).isEqualTo("orders");
    assertThat(StartOptions.defaults().queueName()).isNull();
  }

  @Test
  void optionsWithTheSameValuesAreEqualWithTheSameHashCode() {
    StartOptions one = full();
    StartOptions other = full();

    assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    assertThat(one).isNotEqualTo(other.timeout(Duration.ofSeconds(31)));
    assertThat(one).isNotEqualTo(other.queue(Queue.of("orders")));
  }

  @Test
  void toStringShowsEveryOptionThatIsSetTimeoutIncluded() {
    assertThat(full().toString())
        .isEqualTo(
            "StartOptions{workflowId=o-42, queue=Queue{orders, concurrency=2}, deduplicationId=c-7,"
                + " priority=1, timeout=PT30S}");
    assertThat(StartOptions.defaults().timeout(Duration.ofMinutes(1)).toString())
        .isEqualTo("StartOptions{timeout=PT1M}");
    assertThat(StartOptions.defaults().toString()).isEqualTo("StartOptions{}");
  }

  @Test
  void anIdempotencyKeyBecomesTheTrimmedWorkflowIdAndNoKeyTheDefaults() {
    assertThat(StartOptions.idempotencyKey(" k-1 ")).isEqualTo(StartOptions.id("k-1"));
    assertThat(StartOptions.idempotencyKey(null)).isEqualTo(StartOptions.defaults());
    assertThat(StartOptions.idempotencyKey("  ")).isEqualTo(StartOptions.defaults());
  }

  @Test
  void invalidOptionsAreRejectedWithTheReason() {
    assertThatThrownBy(() -> StartOptions.id(" ")).hasMessageContaining("must not be blank");
    assertThatThrownBy(() -> StartOptions.id(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> StartOptions.defaults().priority(-1)).hasMessageContaining("0 or more, was -1");
    assertThatThrownBy(() -> StartOptions.defaults().timeout(Duration.ZERO)).hasMessageContaining("must be positive");
    assertThatThrownBy(() -> StartOptions.defaults().queue(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> StartOptions.defaults().deduplicationId(null)).isInstanceOf(NullPointerException.class);
  }

  private static StartOptions full() {
    return StartOptions.id("o-42").queue(ORDERS).deduplicationId("c-7").priority(1).timeout(Duration.ofSeconds(30));
  }
}
