package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.OperationId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes each operation's progress at most once per interval. A report inside the interval is kept
 * as pending and written when the interval has passed, by the next report or by {@link #due}, which
 * the store calls on every engine housekeeping tick; so the row is at most one interval plus one
 * tick behind, and the last report is never dropped. Time is the engine's clock, as passed to the
 * store.
 *
 * <p>Thread-safe. Entries are removed when their operation finishes and when an interval passes
 * with nothing pending, so the map holds only operations reporting right now.
 */
final class ProgressThrottle {

  /** A progress report to write. */
  record Report(OperationId id, double value, String text, Instant at) {}

  private static final class Entry {
    Instant writtenAt;
    Report pending;
  }

  private final Duration interval;
  private final Map<OperationId, Entry> entries = new ConcurrentHashMap<>();

  ProgressThrottle(Duration interval) {
    this.interval = interval;
  }

  /**
   * Offers a report.
   *
   * @return true if the caller writes it now; false if it was kept as pending
   */
  boolean offer(Report report) {
    if (interval.isZero()) {
      return true;
    }
    boolean[] writeNow = new boolean[1];
    entries.compute(
        report.id(),
        (id, entry) -> {
          Entry e = entry == null ? new Entry() : entry;
          if (e.writtenAt == null || !report.at().isBefore(e.writtenAt.plus(interval))) {
            e.writtenAt = report.at();
            e.pending = null;
            writeNow[0] = true;
          } else {
            e.pending = report;
          }
          return e;
        });
    return writeNow[0];
  }

  /**
   * Takes the pending reports whose interval has passed, and drops idle entries.
   *
   * @param now the current instant
   * @return the reports to write now
   */
  List<Report> due(Instant now) {
    List<Report> due = new ArrayList<>();
    for (OperationId id : entries.keySet()) {
      entries.computeIfPresent(
          id,
          (key, e) -> {
            boolean passed = !now.isBefore(e.writtenAt.plus(interval));
            if (!passed) {
              return e;
            }
            if (e.pending == null) {
              return null;
            }
            due.add(e.pending);
            e.writtenAt = now;
            e.pending = null;
            return e;
          });
    }
    return due;
  }

  /** Keeps a report whose write failed, unless a newer one is already pending. */
  void retry(Report report) {
    entries.computeIfPresent(
        report.id(),
        (id, e) -> {
          if (e.pending == null) {
            e.pending = report;
          }
          return e;
        });
  }

  /** Forgets an operation that ended; its final state carries its last progress. */
  void forget(OperationId id) {
    entries.remove(id);
  }

  int size() {
    return entries.size();
  }
}
