package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.spi.StoreListener;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The payloads of the store's notifications, one letter and a colon before a type name or an
 * operation id: {@code q:} a record of the type was queued, {@code s:} a stop was requested, {@code
 * c:} a record changed. Short, because PostgreSQL queues every payload for every listener.
 */
final class Notification {
  private Notification() {}

  /**
   * Work of a type was queued.
   *
   * @param origin the store that queued it, whose own listeners ignore the news because their
   *     engine already knows; null for news every node should hear
   */
  static String queued(String type, String origin) {
    return origin == null ? "q:" + type : "q:" + type + ":" + origin;
  }

  static String stopRequested(OperationId id) {
    return "s:" + id.value();
  }

  static String changed(OperationId id) {
    return "c:" + id.value();
  }

  /** Several records changed: their ids, comma-separated. */
  static String changed(List<OperationId> ids) {
    return "c:" + ids.stream().map(OperationId::value).collect(Collectors.joining(","));
  }

  /**
   * Passes one payload to a listener. A stop request is also a change, for watchers on nodes that
   * do not run the operation. Payloads that are not understood are ignored, so that nodes of a
   * newer version may add kinds.
   */
  static void deliver(String payload, StoreListener listener, String self) {
    if (payload == null || payload.length() < 3 || payload.charAt(1) != ':') {
      return;
    }
    String subject = payload.substring(2);
    switch (payload.charAt(0)) {
      case 'q' -> {
        int colon = subject.indexOf(':');
        if (colon < 0) {
          listener.queued(subject);
        } else if (!subject.substring(colon + 1).equals(self)) {
          listener.queued(subject.substring(0, colon));
        }
      }
      case 's' -> {
        if (OperationId.isValid(subject)) {
          OperationId id = OperationId.of(subject);
          listener.stopRequested(id);
          listener.changed(id);
        }
      }
      case 'c' -> {
        for (String id : subject.split(",")) {
          if (OperationId.isValid(id)) {
            listener.changed(OperationId.of(id));
          }
        }
      }
      default -> {
        // A kind from a newer version; see the class comment.
      }
    }
  }
}
