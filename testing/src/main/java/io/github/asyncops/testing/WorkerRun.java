package io.github.asyncops.testing;

import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.Stage;
import io.github.asyncops.core.spi.OperationFailedException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one {@link WorkerTester#run} saw, in the engine's terms.
 *
 * @param startText what the worker's {@code start} returned, or null
 * @param reports every progress report, in order
 * @param stages every stage the worker reported, in order
 * @param stopRequested whether the tester requested a stop
 * @param stopSeen whether the worker looked at {@code stopRequested()} after the request
 * @param stopText what the worker's {@code stop} returned, or null
 * @param result what {@code run} returned (none for null), or null if it threw
 * @param failure what {@code run} threw, or null if it returned
 * @param error the error a failed run shows its users, in the tester's {@linkplain
 *     WorkerTester#locale language}: the message of an {@link OperationFailedException} rendered
 *     from the provider's bundles (its key when they lack it), else the failure's own message; null
 *     if {@code run} returned
 */
public record WorkerRun(
    String startText,
    List<Report> reports,
    List<Stage> stages,
    boolean stopRequested,
    boolean stopSeen,
    String stopText,
    OperationResult result,
    Throwable failure,
    String error) {

  /**
   * A run whose error, if any, is the failure's own message.
   *
   * @param startText what the worker's {@code start} returned, or null
   * @param reports every progress report, in order
   * @param stages every stage the worker reported, in order
   * @param stopRequested whether the tester requested a stop
   * @param stopSeen whether the worker looked at {@code stopRequested()} after the request
   * @param stopText what the worker's {@code stop} returned, or null
   * @param result what {@code run} returned (none for null), or null if it threw
   * @param failure what {@code run} threw, or null if it returned
   */
  public WorkerRun(
      String startText,
      List<Report> reports,
      List<Stage> stages,
      boolean stopRequested,
      boolean stopSeen,
      String stopText,
      OperationResult result,
      Throwable failure) {
    this(
        startText,
        reports,
        stages,
        stopRequested,
        stopSeen,
        stopText,
        result,
        failure,
        failure == null ? null : failure.getMessage());
  }

  /**
   * One progress report.
   *
   * @param value the fraction done, clamped to 0..1 as the engine does
   * @param text the status text, the last one given if this report had none, or null
   * @param pinged what the worker's {@code ping} shows pollers for this report
   * @param at the tester's clock when it was reported
   */
  public record Report(double value, String text, String pinged, Instant at) {}

  /**
   * The state the engine would end the operation in: a run that returned ends {@code STOPPED} if
   * the worker saw the stop request and {@code SUCCEEDED} otherwise; a run that threw ends {@code
   * STOPPED} if it was interrupted after a stop request and {@code FAILED} otherwise.
   *
   * @return the final state
   */
  public OperationState outcome() {
    if (failure == null) {
      return stopSeen ? OperationState.STOPPED : OperationState.SUCCEEDED;
    }
    return stopRequested && failure instanceof InterruptedException
        ? OperationState.STOPPED
        : OperationState.FAILED;
  }

  /**
   * The result, for a run that returned one.
   *
   * @return the result, or empty if the run threw or returned none
   */
  public Optional<OperationResult> resultValue() {
    return result == null || result == OperationResult.none()
        ? Optional.empty()
        : Optional.of(result);
  }

  /**
   * The failure, for a run that threw.
   *
   * @return what it threw, or empty
   */
  public Optional<Throwable> failureCause() {
    return Optional.ofNullable(failure);
  }

  /**
   * The text of each report, in order, for a test that reads the story.
   *
   * @return the texts, with null for a report that had none
   */
  public List<String> texts() {
    return reports.stream().map(Report::text).toList();
  }

  /**
   * The last progress reported.
   *
   * @return the last report's value, or 0 if there was none
   */
  public double lastValue() {
    return reports.isEmpty() ? 0 : reports.get(reports.size() - 1).value();
  }
}
