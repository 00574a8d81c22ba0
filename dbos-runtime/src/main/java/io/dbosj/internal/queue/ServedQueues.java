package io.dbosj.internal.queue;

import io.dbosj.internal.db.QueueLimits;
import java.util.List;

/** The queues a runner serves, with the limits in effect as of {@code nowMillis}. */
@FunctionalInterface
public interface ServedQueues {
  List<QueueLimits> current(long nowMillis);
}
