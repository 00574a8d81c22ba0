package io.dbosj.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** {@code n} threads repeating one action for a fixed time, all starting together: actions per second. */
final class Callers {
  /** One repetition of the work; returns how many units it completed (e.g. rows). */
  interface Action {
    long run(int caller) throws Exception;
  }

  /** Per-caller setup (e.g. a connection) that lives for the whole loop. */
  interface Loop extends AutoCloseable {
    long once() throws Exception;

    @Override
    default void close() throws java.sql.SQLException {}
  }

  interface LoopFactory {
    Loop open(int caller) throws Exception;
  }

  private Callers() {}

  static double perSecond(int n, double seconds, Action action) throws Exception {
    return loops(n, seconds, caller -> () -> action.run(caller));
  }

  static double loops(int n, double seconds, LoopFactory factory) throws Exception {
    AtomicLong done = new AtomicLong();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    CountDownLatch ready = new CountDownLatch(n);
    CountDownLatch go = new CountDownLatch(1);
    long[] window = new long[2];
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      int caller = t;
      Thread thread =
          new Thread(
              () -> {
                try (Loop loop = factory.open(caller)) {
                  ready.countDown();
                  go.await();
                  long end = window[1];
                  while (System.nanoTime() < end) {
                    done.addAndGet(loop.once());
                  }
                } catch (Throwable e) {
                  failures.add(e);
                  ready.countDown();
                }
              },
              "bench-caller-" + t);
      threads.add(thread);
      thread.start();
    }
    ready.await();
    window[0] = System.nanoTime();
    window[1] = window[0] + (long) (seconds * 1e9);
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    if (!failures.isEmpty()) {
      Throwable first = failures.get(0);
      throw first instanceof Exception e ? e : new RuntimeException(first);
    }
    double elapsed = (System.nanoTime() - window[0]) / 1e9;
    return done.get() / elapsed;
  }
}
