package io.dbosj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WorkflowFilterTest {
  private static final Instant MIDNIGHT = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void allIsNewestFirstAtMostOneHundredWithNoCriteria() {
    WorkflowFilter all = WorkflowFilter.all();

    assertThat(all.workflowIds()).isEmpty();
    assertThat(all.states()).isEmpty();
    assertThat(all.name()).isNull();
    assertThat(all.limit()).isEqualTo(100);
    assertThat(all.offset()).isZero();
    assertThat(all.newestFirst()).isTrue();
  }

  @Test
  void eachCriterionIsReadByTheNameItIsSetBy() {
    WorkflowFilter filter = full();

    assertThat(filter.workflowIds()).containsExactly("a", "b");
    assertThat(filter.name()).isEqualTo("placeOrder");
    assertThat(filter.states()).containsExactly(WorkflowState.ERROR, WorkflowState.CANCELLED);
    assertThat(filter.createdAfter()).isEqualTo(MIDNIGHT);
    assertThat(filter.createdBefore()).isEqualTo(MIDNIGHT.plusSeconds(60));
    assertThat(filter.appVersion()).isEqualTo("v1");
    assertThat(filter.queueName()).isEqualTo("orders");
    assertThat(filter.limit()).isEqualTo(20);
    assertThat(filter.offset()).isEqualTo(5);
    assertThat(filter.newestFirst()).isFalse();
  }

  @Test
  void filtersWithTheSameCriteriaAreEqualWithTheSameHashCode() {
    assertThat(full()).isEqualTo(full()).hasSameHashCodeAs(full());
    assertThat(full()).isNotEqualTo(full().offset(6));
    assertThat(WorkflowFilter.all().states(WorkflowState.ERROR)).isNotEqualTo(WorkflowFilter.all());
  }

  @Test
  void toStringShowsTheCriteriaThatAreSetAndThePage() {
    assertThat(WorkflowFilter.all().states(WorkflowState.ERROR).limit(20).toString())
        .isEqualTo("WorkflowFilter{states=[ERROR], limit=20, offset=0, newestFirst=true}");
    assertThat(full().toString())
        .isEqualTo(
            "WorkflowFilter{workflowIds=[a, b], name=placeOrder, states=[ERROR, CANCELLED],"
                + " createdAfter=2026-01-01T00:00:00Z, createdBefore=2026-01-01T00:01:00Z, appVersion=v1,"
                + " queueName=orders, limit=20, offset=5, newestFirst=false}");
  }

  @Test
  void anInvalidPageIsRejectedWithTheReason() {
    assertThatThrownBy(() -> WorkflowFilter.all().limit(0)).hasMessage("limit must be at least 1, was 0");
    assertThatThrownBy(() -> WorkflowFilter.all().offset(-1)).hasMessage("offset must be 0 or more, was -1");
    assertThatThrownBy(() -> WorkflowFilter.all().name(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> WorkflowFilter.all().workflowIds("a", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aFilterIsBuiltFromAllOnlyNotThroughAPublicConstructor() {
    assertThat(Modifier.isFinal(WorkflowFilter.class.getModifiers())).isTrue();
    assertThat(Arrays.stream(WorkflowFilter.class.getDeclaredConstructors()).map(c -> Modifier.isPrivate(c.getModifiers())))
        .containsOnly(true);
  }

  private static WorkflowFilter full() {
    return WorkflowFilter.all()
        .workflowIds("a", "b")
        .name("placeOrder")
        .states(WorkflowState.ERROR, WorkflowState.CANCELLED)
        .createdAfter(MIDNIGHT)
        .createdBefore(MIDNIGHT.plusSeconds(60))
        .appVersion("v1")
        .queueName("orders")
        .limit(20)
        .offset(5)
        .newestFirst(false);
  }
}
