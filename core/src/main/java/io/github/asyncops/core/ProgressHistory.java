package io.github.asyncops.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The history of one operation's progress, sampled by the housekeeping tick, and what it says of
 * time: how much is left, and whether the operation stalled.
 *
 * <p>Design notes. The worker's {@code progress()} stays two release stores; this class sees only
 * what the tick samples, at most once per tick, and keeps the samples at which the value changed in
 * two fixed arrays. When they fill up, every other sample is dropped, so the history always spans
 * the whole run at a resolution that halves as it grows, and memory stays fixed.
 *
 * <p>The estimate is a windowed rate: the progress made over the last quarter of the run (and at
 * least {@link #MIN_CHANGES} changes) divided by the time it took. A window, unlike the rate since
 * the start, follows a run that speeds up or slows down; unlike the last step's rate, it smooths
 * uneven steps and jitter. The window ends at the last change. Silence since then counts down while
 * it is shorter than the usual gap between changes, so steps that come every few seconds give a
 * steady countdown; silence beyond the usual gap slows the rate, so a stall raises the estimate
 * instead of counting down to zero. Until {@link #MIN_CHANGES} changes, {@link #MIN_PROGRESS}
 * progress and {@link #MIN_SPAN} have been seen there is no estimate.
 *
 * <p>Thread-safety: the tick writes, pollers read; both hold this object's monitor, briefly.
 */
final class ProgressHistory {
  /** Samples kept; past it, every other one is dropped. */
  static final int CAPACITY = 64;

  /** Changes of the value needed before an estimate is given. */
  static final int MIN_CHANGES = 3;

  /** Progress needed before an estimate is given: 1 %. */
  static final double MIN_PROGRESS = 0.01;

  /** The shortest span of history an estimate is drawn from, in milliseconds. */
  static final long MIN_SPAN = 1_000;

  /** The share of the run, counted back from now, that the rate is measured over. */
  static final double WINDOW = 0.25;

  private long[] times;
  private double[] values;
  private int count;

  /**
   * The least time between two kept samples but the newest, in milliseconds; grows with thinning.
   */
  private long spacing;

  private long changes;
  private long startedAt;
  private long lastMoved;
  private double last;
  private Object lastText;
  private Object lastStage;
  private boolean started;

  /**
   * Records what the tick saw.
   *
   * @param now the tick's time, epoch milliseconds
   * @param value the fraction done as far as the estimate is concerned
   * @param text the status text: a change counts as movement
   * @param stage the stage, or null: a change counts as movement
   */
  synchronized void sample(long now, double value, Object text, Object stage) {
    if (!started) {
      started = true;
      startedAt = now;
      lastMoved = now;
      last = value;
      lastText = text;
      lastStage = stage;
      append(now, value);
      return;
    }
    if (!Objects.equals(text, lastText) || !Objects.equals(stage, lastStage)) {
      lastText = text;
      lastStage = stage;
      lastMoved = now;
    }
    if (value == last) {
      return;
    }
    lastMoved = now;
    if (value < last) {
      // Progress went back (a worker that restarted a phase): the old rate says nothing.
      count = 0;
      changes = 0;
      spacing = 0;
    } else {
      changes++;
    }
    last = value;
    append(now, value);
  }

  /**
   * Tells whether nothing moved for longer than {@code threshold}.
   *
   * @param now epoch milliseconds
   * @param threshold the type's stall threshold; zero never stalls
   */
  synchronized boolean stalled(long now, Duration threshold) {
    return started && !threshold.isZero() && now - lastMoved > threshold.toMillis();
  }

  /**
   * Estimates the time left.
   *
   * @param now epoch milliseconds, not before the last sample
   * @return the estimate, or null while it is not trustworthy
   */
  synchronized Duration remaining(long now) {
    if (changes < MIN_CHANGES || last < MIN_PROGRESS || last >= 1) {
      return null;
    }
    int newest = count - 1;
    long lastChange = times[newest];
    int from = windowStart(Math.max(now, lastChange), newest);
    long span = lastChange - times[from];
    if (span < MIN_SPAN) {
      return null;
    }
    double made = last - values[from];
    long silence = Math.max(0, now - lastChange);
    long usualGap = span / (newest - from);
    // Silence up to the usual gap counts down; beyond it, it slows the rate: continuous in both.
    long excess = Math.max(0, silence - usualGap);
    double millisLeft =
        Math.max(0, (1 - last) * (span + excess) / made - Math.min(silence, usualGap));
    return Duration.ofMillis(Math.round(millisLeft));
  }

  /** The sample the window starts at: the last quarter of the run, and at least a few changes. */
  private int windowStart(long now, int newest) {
    long since = now - (long) ((now - startedAt) * WINDOW);
    int from = Math.max(0, newest - MIN_CHANGES);
    while (from > 0 && times[from - 1] >= since) {
      from--;
    }
    if (from > 0 && times[from] > since) {
      // The window starts between two samples: the earlier one bounds it, so a long step counts.
      from--;
    }
    return from;
  }

  /**
   * Adds a sample. Samples stay at least {@link #spacing} apart: a newer one replaces the newest
   * until it is, so the history keeps an even resolution over the whole run.
   */
  private void append(long time, double value) {
    if (times == null) {
      times = new long[CAPACITY];
      values = new double[CAPACITY];
    }
    if (count >= 2 && times[count - 1] - times[count - 2] < spacing) {
      count--;
    } else if (count == CAPACITY) {
      thin();
    }
    times[count] = time;
    values[count] = value;
    count++;
  }

  /** Drops every other sample, keeping the first and the newest, and widens the spacing. */
  private void thin() {
    int kept = 0;
    for (int i = 0; i < count - 1; i += 2) {
      times[kept] = times[i];
      values[kept] = values[i];
      kept++;
    }
    times[kept] = times[count - 1];
    values[kept] = values[count - 1];
    count = kept + 1;
    // Half the capacity is free again; it fills when the run has lasted twice as long.
    spacing = (times[count - 1] - times[0]) / (CAPACITY / 2);
  }
}
