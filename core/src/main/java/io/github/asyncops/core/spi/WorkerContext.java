package io.github.asyncops.core.spi;

import io.github.asyncops.core.Message;
import io.github.asyncops.core.OperationId;

/**
 * What a running {@link Worker} sees of its operation. Safe to use from any thread.
 *
 * <p>Reporting progress is cheap enough for a tight loop: it takes no lock, does no I/O and
 * allocates nothing. The engine publishes the latest report to stores and listeners on its own
 * schedule.
 */
public interface WorkerContext {

  /**
   * The operation's identifier.
   *
   * @return the id
   */
  OperationId id();

  /**
   * Reports progress and a text. Values outside 0..1 are clamped, and NaN counts as 0.
   *
   * @param value the fraction done
   * @param text a status text for people, or null
   */
  void progress(double value, String text);

  /**
   * Reports progress and a status as a message, which each viewer reads in their language; the
   * engine renders it in its default language for stores, logs and clients without a language.
   * Cheap as {@link #progress(double, String)}: the message is rendered when it is published, not
   * here. The default, for contexts that predate messages, reports the message's key as a text.
   * (Named apart from {@code progress} so that an existing {@code progress(value, null)} still
   * compiles.)
   *
   * @param value the fraction done, clamped to 0..1
   * @param message the status, or null for none
   */
  default void report(double value, Message message) {
    progress(value, message == null ? null : message.key());
  }

  /**
   * Reports progress and keeps the last text.
   *
   * @param value the fraction done, clamped to 0..1
   */
  void progress(double value);

  /**
   * Reports the stage the run entered, such as {@code stage(2, 5, "Loading rows")}. The value
   * passed to {@link #progress(double)} stays the fraction of the whole run. A worker that reports
   * stages but no values gets a time-left estimate from its stages, counted as equal shares. Rarely
   * called, so unlike {@code progress} it may allocate.
   *
   * @param index the stage's position, from 1 to {@code count}
   * @param count how many stages the run has, at least 1
   * @param name the stage's name for people, or null
   * @throws IllegalArgumentException if {@code index} is not within 1..{@code count}
   */
  void stage(int index, int count, String name);

  /**
   * Reports the stage the run entered, with its name as a message that each viewer reads in their
   * language. The default, for contexts that predate messages, reports the key as the name. (Named
   * apart from {@code stage} so that an existing {@code stage(index, count, null)} still compiles.)
   *
   * @param index the stage's position, from 1 to {@code count}
   * @param count how many stages the run has, at least 1
   * @param name the stage's name, or null
   * @throws IllegalArgumentException if {@code index} is not within 1..{@code count}
   */
  default void reportStage(int index, int count, Message name) {
    stage(index, count, name == null ? null : name.key());
  }

  /**
   * Tells whether a stop was requested (by a caller, a timeout or shutdown). A worker that sees
   * true should return promptly; the operation then ends {@code STOPPED}.
   *
   * @return true once a stop was requested
   */
  boolean stopRequested();
}
