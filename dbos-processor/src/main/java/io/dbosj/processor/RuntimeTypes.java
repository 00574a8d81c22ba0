package io.dbosj.processor;

import com.palantir.javapoet.ClassName;

/**
 * The runtime types generated code refers to, by name only: the processor never depends on
 * dbos-runtime, so a user's build resolves these against whichever runtime it compiles with.
 */
final class RuntimeTypes {
  private static final String API = "io.dbosj";
  private static final String CODEGEN = "io.dbosj.internal.codegen";

  static final ClassName DBOS = ClassName.get(API, "DBOS");
  static final ClassName START_OPTIONS = ClassName.get(API, "StartOptions");
  static final ClassName QUEUE = ClassName.get(API, "Queue");
  static final ClassName WORKFLOW_HANDLE = ClassName.get(API, "WorkflowHandle");
  static final ClassName ISOLATION = ClassName.get("io.dbosj.annotation", "Isolation");
  static final ClassName TYPE_TOKEN = ClassName.get(CODEGEN, "TypeToken");
  static final ClassName DURABLE_METHOD = ClassName.get(CODEGEN, "DurableMethod");
  static final ClassName DURABLE_CLASS = ClassName.get(CODEGEN, "DurableClass");
  static final ClassName DURABLE_OBJECT = ClassName.get("io.dbosj.internal.runtime", "DurableObject");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private RuntimeTypes() {}
}
