package io.github.asyncops.core;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one line that {@link OperationEngine#close()} logs: which of the operations running here
 * ended when asked to stop, which only when interrupted, and which it abandoned to their threads
 * (and marked failed), each named by type and id.
 */
final class ShutdownSummary {
  /** The most operations a group names; a line stays readable however many were running. */
  static final int NAMED = 10;

  private ShutdownSummary() {}

  /**
   * The line for a shutdown.
   *
   * @param running what ran here when the shutdown began
   * @param ignoredStop what was still running after the stop grace, and was interrupted
   * @param abandoned what was still running after the interrupt's grace
   */
  static String line(
      Collection<Execution> running,
      Collection<Execution> ignoredStop,
      Collection<Execution> abandoned) {
    List<Execution> stopped = running.stream().filter(e -> !ignoredStop.contains(e)).toList();
    List<Execution> interrupted = ignoredStop.stream().filter(e -> !abandoned.contains(e)).toList();
    return "asyncops engine closed: "
        + group(stopped, stopped.size() == 1 ? "operation stopped" : "operations stopped")
        + ", "
        + group(interrupted, "interrupted")
        + ", "
        + group(List.copyOf(abandoned), "abandoned");
  }

  private static String group(List<Execution> executions, String what) {
    String count = String.format(Locale.ROOT, "%d %s", executions.size(), what);
    if (executions.isEmpty()) {
      return count;
    }
    String named =
        executions.stream()
            .limit(NAMED)
            .map(e -> e.type.type.name() + " " + e.id.value())
            .collect(Collectors.joining(", "));
    int more = executions.size() - NAMED;
    return count + " (" + named + (more > 0 ? ", and " + more + " more" : "") + ")";
  }
}
