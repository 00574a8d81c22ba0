package io.dbosj.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the ledger is judged: the recorded execution splits allowed re-runs from duplicates. */
class SideEffectsTest {
  @TempDir Path dir;

  @Test
  void anExecutionBeforeTheRecordedOneIsAnAllowedRerunAndOneAfterItADuplicate() throws Exception {
    Files.writeString(dir.resolve("run-0.ledger"), "wf-1/0 t0000000000000001 10 1000\n");
    Files.writeString(dir.resolve("run-1.ledger"), "wf-1/0 t0000000000000002 11 2000\n");
    Files.writeString(dir.resolve("run-2.ledger"), "wf-1/0 t0000000000000003 12 3000\n");

    SideEffects.Judgement judgement = SideEffects.read(dir).judge(Set.of("t0000000000000002"));

    assertThat(judgement.rerunsBeforeCheckpoint()).isEqualTo(1);
    assertThat(judgement.rerunsAfterCheckpoint()).isEqualTo(1);
    assertThat(judgement.unrecorded()).isZero();
  }

  @Test
  void aWorkflowWithEffectsFromTwoProcessesRanInBoth() throws Exception {
    Files.writeString(dir.resolve("first.ledger"), "shared-0/0 t0000000000000001 10 1000\ntick/x t0000000000000002 10 1000\n");
    Files.writeString(dir.resolve("second.ledger"), "shared-0/1 t0000000000000003 11 1500\ntick/x t0000000000000004 11 1001\n");

    SideEffects effects = SideEffects.read(dir);

    assertThat(effects.workflowsRunInSeveralProcesses("shared-")).isEqualTo(1);
    assertThat(effects.doneMoreThanOnce("tick/")).isEqualTo(1);
  }

  @Test
  void aLineCutShortByAKillIsIgnored() throws Exception {
    Files.writeString(dir.resolve("run-0.ledger"), "wf-1/0 t0000000000000001 10 1000\nwf-1/1 t00000");

    assertThat(SideEffects.read(dir).judge(Set.of("t0000000000000001")).effects()).isEqualTo(1);
  }
}
