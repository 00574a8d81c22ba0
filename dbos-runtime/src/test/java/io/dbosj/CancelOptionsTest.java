package io.dbosj;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CancelOptionsTest {
  @Test
  void theDefaultsAreDbossCancelOnlyTheWorkflowNamedAndTheRunningStepFinishes() {
    assertThat(CancelOptions.defaults().cancelChildren()).isFalse();
    assertThat(CancelOptions.defaults().interruptRunningStep()).isFalse();
  }

  @Test
  void eachSetterReturnsACopyAndLeavesTheOriginalAsItWas() {
    CancelOptions children = CancelOptions.defaults().cancelChildren(true);
    CancelOptions both = children.interruptRunningStep(true);

    assertThat(children.interruptRunningStep()).isFalse();
    assertThat(both.cancelChildren()).isTrue();
    assertThat(both.interruptRunningStep()).isTrue();
    assertThat(CancelOptions.defaults().cancelChildren()).isFalse();
  }

  @Test
  void optionsWithTheSameValuesAreEqualWithTheSameHashCode() {
    CancelOptions one = CancelOptions.defaults().cancelChildren(true);
    CancelOptions other = CancelOptions.defaults().cancelChildren(true);

    assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    assertThat(one).isNotEqualTo(other.interruptRunningStep(true));
    assertThat(one).hasToString("CancelOptions[cancelChildren=true, interruptRunningStep=false]");
  }
}
