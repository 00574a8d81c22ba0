package com.example;

import io.dbosj.annotation.Workflow;

/** @deprecated a whole deprecated class */
@Deprecated
public class Archive {
  @Workflow
  public void compact() {}
}
