package io.dbosj;

/**
 * What enqueueing with a deduplication ID does while a live workflow on the same queue already
 * holds that ID: {@link StartOptions#deduplicationPolicy(DeduplicationPolicy)}.
 */
public enum DeduplicationPolicy {
  /** The enqueue fails with {@link QueueDeduplicatedException}; nothing is enqueued. The default. */
  REJECT,
  /**
   * The enqueue returns a handle to the workflow that holds the ID, so callers racing to start
   * "the one workflow for this key" all get that one (a singleton per key). Inside a workflow the
   * handle returned is recorded, so a re-execution gets the same one.
   */
  RETURN_EXISTING
}
