package io.github.asyncops.core;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Random bytes for identifiers, drawn a few kilobytes at a time from the JDK's {@code DRBG} (NIST
 * SP 800-90A Hash_DRBG, seeded and reseeded from the system's entropy). The platform default on
 * Linux, {@code NativePRNG}, mixes every byte through SHA-1 and costs about four times as much per
 * byte; one call per identifier costs more again. A shared buffer behind a lock serves platform and
 * virtual threads alike.
 */
final class RandomBits {
  private static final int BUFFER_SIZE = 4096;
  private static final SecureRandom RANDOM = drbg();
  private static final ReentrantLock LOCK = new ReentrantLock();
  private static final byte[] BUFFER = new byte[BUFFER_SIZE];
  private static int position = BUFFER_SIZE;

  private RandomBits() {}

  private static SecureRandom drbg() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Returns {@code length} fresh random bytes, at most the buffer's size. */
  static byte[] next(int length) {
    byte[] bytes = new byte[length];
    LOCK.lock();
    try {
      if (position + length > BUFFER_SIZE) {
        RANDOM.nextBytes(BUFFER);
        position = 0;
      }
      System.arraycopy(BUFFER, position, bytes, 0, length);
      position += length;
    } finally {
      LOCK.unlock();
    }
    return bytes;
  }
}
