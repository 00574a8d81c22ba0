package io.dbosj.internal.exec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads background workflows run on: a virtual thread per workflow on Java 21 and later
 * (looked up when the runtime starts, so one jar serves Java 17 too), otherwise a cached pool of
 * daemon platform threads.
 */
public final class WorkflowThreads {
  /** {@code Executors.newVirtualThreadPerTaskExecutor}, or null before Java 21. */
  private static final MethodHandle VIRTUAL_THREAD_EXECUTOR = virtualThreadExecutor();

  private WorkflowThreads() {}

  public static ExecutorService create() {
    if (!virtual()) {
      return platformThreads();
    }
    try {
      return (ExecutorService) VIRTUAL_THREAD_EXECUTOR.invoke();
    } catch (Throwable e) {
      throw new IllegalStateException("cannot create the workflow executor", e);
    }
  }

  /** Whether workflows run on virtual threads, cheap to start by the thousand. */
  public static boolean virtual() {
    return VIRTUAL_THREAD_EXECUTOR != null;
  }

  private static MethodHandle virtualThreadExecutor() {
    try {
      return MethodHandles.publicLookup()
          .findStatic(Executors.class, "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }

  private static ExecutorService platformThreads() {
    AtomicInteger count = new AtomicInteger();
    return Executors.newCachedThreadPool(
        task -> {
          Thread thread = new Thread(task, "dbos-workflow-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
