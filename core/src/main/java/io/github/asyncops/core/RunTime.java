package io.github.asyncops.core;

import io.github.asyncops.core.spi.OperationRecord;
import java.time.Duration;
import java.time.Instant;

/**
 * What a status says of time: elapsed, the estimate of the time left, whether the run stalled, and
 * its stage. Durations are whole seconds, so the snapshots of one second compare equal and the
 * adapter renders each once.
 *
 * <p>An operation running here is judged by its {@link ProgressHistory}; one running on another
 * node only by its record, whose {@code updatedAt} moves with its progress, so it can stall but has
 * no estimate and no stage.
 */
record RunTime(Duration elapsed, Duration remaining, boolean stalled, Stage stage) {
  private static final RunTime NEVER_RAN = new RunTime(null, null, false, null);

  static RunTime of(OperationRecord r, Execution local, OperationType type, Instant now) {
    Instant started = r.times().startedAt();
    if (started == null) {
      return NEVER_RAN;
    }
    Instant end = r.times().finishedAt() == null ? now : r.times().finishedAt();
    Duration elapsed = Duration.ofSeconds(Math.max(0, Duration.between(started, end).getSeconds()));
    Stage stage = local != null && r.state().isActive() ? local.stage() : null;
    if (r.state() != OperationState.RUNNING) {
      return new RunTime(elapsed, null, false, stage);
    }
    Duration threshold = type == null ? Duration.ZERO : type.stallAfter();
    if (local == null) {
      boolean stalled =
          !threshold.isZero()
              && Duration.between(r.times().updatedAt(), now).compareTo(threshold) > 0;
      return new RunTime(elapsed, null, stalled, null);
    }
    long millis = now.toEpochMilli();
    Duration left = local.history.remaining(millis);
    return new RunTime(
        elapsed,
        left == null ? null : Duration.ofSeconds(Math.round(left.toMillis() / 1000.0)),
        local.history.stalled(millis, threshold),
        stage);
  }
}
