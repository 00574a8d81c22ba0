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
final class WorkflowThreads {
  private WorkflowThreads() {}

  static ExecutorService create() {
    try {
      MethodHandle factory =
          MethodHandles.publicLookup()
              .findStatic(
                  Executors.class,
                  "newVirtualThreadPerTaskExecutor",
                  MethodType.methodType(ExecutorService.class));
      return (ExecutorService) factory.invoke();
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return platformThreads();
    } catch (Throwable e) {
      throw new IllegalStateException("cannot create the workflow executor", e);
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
