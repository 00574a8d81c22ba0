package io.dbosj.internal.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services of one runtime, in the order they were started. Stopping goes in reverse order
 * and waits for each in turn with a bounded wait, warning about any that did not end in time, so
 * a service never outlives the ones it depends on. A launch that fails part-way stops what it had
 * started the same way.
 */
public final class Services {
  private static final Logger log = LoggerFactory.getLogger(Services.class);

  private final List<Service> started = new ArrayList<>();

  /** Adds a service that is running already (a pool opened while building), to be stopped later. */
  public synchronized <S extends Service> S adopt(S service) {
    started.add(service);
    return service;
  }

  /** Starts {@code service} and adds it to the ones stopped by {@link #stopAll}. */
  public synchronized <S extends Service> S start(S service) {
    service.start();
    started.add(service);
    return service;
  }

  /** Stops every service in reverse order, each with up to {@code timeoutEach} to end. */
  public void stopAll(Duration timeoutEach) {
    List<Service> toStop;
    synchronized (this) {
      toStop = new ArrayList<>(started);
      started.clear();
    }
    boolean interrupted = false;
    for (int i = toStop.size() - 1; i >= 0; i--) {
      Service service = toStop.get(i);
      try {
        if (!service.stop(interrupted ? Duration.ZERO : timeoutEach)) {
          log.warn("the {} did not stop within {} s; its threads are left to end on their own",
              service.name(), timeoutEach.toSeconds());
        }
      } catch (InterruptedException e) {
        interrupted = true;
        log.warn("interrupted while stopping the {}; stopping the rest without waiting", service.name());
      } catch (RuntimeException e) {
        log.warn("the {} failed to stop cleanly", service.name(), e);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
