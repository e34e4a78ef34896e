package io.github.asyncops.jaxrs.json;

import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.spi.OperationRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One operation as the operator console lists it ({@code GET {base}/_admin/operations}) and as its
 * {@code progress} events carry it. Every field is present; absent values are null. Instants are
 * ISO-8601 in milliseconds.
 *
 * @param id the operation's id
 * @param type the type's name
 * @param state the state
 * @param owner who started it, or null
 * @param node the node that runs or ran it, or null
 * @param progress the fraction done and the last text
 * @param stopRequested whether a stop was requested
 * @param createdAt when it was accepted
 * @param startedAt when a node claimed it, or null
 * @param finishedAt when it ended, or null
 * @param error the user-safe failure message, or null
 */
public record AdminRowJson(
    String id,
    String type,
    OperationState state,
    String owner,
    String node,
    Progress progress,
    boolean stopRequested,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    String error) {

  /**
   * The fraction done and the last text.
   *
   * @param value from 0 to 1
   * @param text the last status text, or null
   */
  public record Progress(double value, String text) {}

  /**
   * Describes a stored record.
   *
   * @param r the record
   * @return its row
   */
  public static AdminRowJson of(OperationRecord r) {
    return of(r, r.progress().text(), r.outcome().error());
  }

  /**
   * Describes a stored record with its texts in a viewer's language.
   *
   * @param r the record
   * @param text the last status text as the viewer reads it, or null
   * @param error the error as the viewer reads it, or null
   * @return its row
   */
  public static AdminRowJson of(OperationRecord r, String text, String error) {
    return new AdminRowJson(
        r.id().value(),
        r.type(),
        r.state(),
        r.owner(),
        r.lease().node(),
        new Progress(r.progress().value(), text),
        r.stopRequested(),
        millis(r.times().createdAt()),
        millis(r.times().startedAt()),
        millis(r.times().finishedAt()),
        error);
  }

  static Instant millis(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
  }
}
