package io.github.asyncops.core;

/** A registration that can be undone. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
  /** Removes the registration. Idempotent; never throws. */
  @Override
  void close();
}
