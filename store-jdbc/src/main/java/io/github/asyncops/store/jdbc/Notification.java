package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.spi.StoreListener;

/**
 * The payloads of the store's notifications, one letter and a colon before a type name or an
 * operation id: {@code q:} a record of the type was queued, {@code s:} a stop was requested, {@code
 * c:} a record changed. Short, because PostgreSQL queues every payload for every listener.
 */
final class Notification {
  private Notification() {}

  static String queued(String type) {
    return "q:" + type;
  }

  static String stopRequested(OperationId id) {
    return "s:" + id.value();
  }

  static String changed(OperationId id) {
    return "c:" + id.value();
  }

  /**
   * Passes one payload to a listener. A stop request is also a change, for watchers on nodes that
   * do not run the operation. Payloads that are not understood are ignored, so that nodes of a
   * newer version may add kinds.
   */
  static void deliver(String payload, StoreListener listener) {
    if (payload == null || payload.length() < 3 || payload.charAt(1) != ':') {
      return;
    }
    String subject = payload.substring(2);
    switch (payload.charAt(0)) {
      case 'q' -> listener.queued(subject);
      case 's' -> {
        if (OperationId.isValid(subject)) {
          OperationId id = OperationId.of(subject);
          listener.stopRequested(id);
          listener.changed(id);
        }
      }
      case 'c' -> {
        if (OperationId.isValid(subject)) {
          listener.changed(OperationId.of(subject));
        }
      }
      default -> {
        // A kind from a newer version; see the class comment.
      }
    }
  }
}
