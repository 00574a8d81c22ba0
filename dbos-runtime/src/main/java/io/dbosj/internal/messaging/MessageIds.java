package io.dbosj.internal.messaging;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * IDs of the messages this process sends: UUIDv7 strings (RFC 9562), whose text sorts as they
 * were made, even within one millisecond (a counter in the random bits, method 1). A recv takes
 * the oldest message by creation millisecond, then by ID, so one sender's messages sent in the
 * same millisecond are still received in the order sent.
 */
public final class MessageIds {
  private final SecureRandom random = new SecureRandom();
  private long lastMillis;
  private long counter;

  /** The next ID, later in order than every ID this object made before. */
  public synchronized String next() {
    long now = System.currentTimeMillis();
    if (now > lastMillis) {
      lastMillis = now;
      counter = random.nextInt(1 << 11); // leaves room to count up within the millisecond
    } else if (++counter >= 1 << 12) {
      lastMillis++; // 4096 IDs in one millisecond: borrow the next one
      counter = 0;
    }
    long high = (lastMillis << 16) | 0x7000L | counter;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
