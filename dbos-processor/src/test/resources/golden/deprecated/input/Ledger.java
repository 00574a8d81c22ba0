package com.example;

import io.dbosj.annotation.Step;
import io.dbosj.annotation.Workflow;
import java.util.List;

/** A current class whose members use deprecated things. */
@SuppressWarnings("deprecation")
public class Ledger {
  public Ledger() {}

  /** @deprecated shards are gone */
  @Deprecated
  public Ledger(int shard) {}

  public Ledger(OldEntry seed) {}

  /** @deprecated use {@link #post} */
  @Deprecated
  @Step
  public void legacyPost(String entry) {}

  @Workflow
  public List<OldEntry> post(OldEntry entry) throws OldException {
    return List.of(entry);
  }

  @Step
  public void settle(String account) throws LedgerException {}
}
