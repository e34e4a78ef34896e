package io.github.asyncops.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.spi.StoreListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How notification payloads map to listener calls; the delivery itself is in the ITs. */
final class NotificationTest {
  private final List<String> calls = new ArrayList<>();
  private final StoreListener listener =
      new StoreListener() {
        @Override
        public void queued(String type) {
          calls.add("queued " + type);
        }

        @Override
        public void stopRequested(OperationId id) {
          calls.add("stop " + id);
        }

        @Override
        public void changed(OperationId id) {
          calls.add("changed " + id);
        }
      };

  @Test
  void payloads_become_listener_calls_and_a_stop_request_is_also_a_change() {
    OperationId id = OperationId.random();

    Notification.deliver(Notification.queued("csv-export", "other"), listener, "me");
    Notification.deliver(Notification.stopRequested(id), listener, "me");
    Notification.deliver(Notification.changed(id), listener, "me");

    assertThat(calls)
        .containsExactly("queued csv-export", "stop " + id, "changed " + id, "changed " + id);
  }

  @Test
  void a_store_skips_its_own_queued_news_and_hears_every_id_of_a_batch() {
    OperationId a = OperationId.random();
    OperationId b = OperationId.random();

    Notification.deliver(Notification.queued("csv-export", "me"), listener, "me");
    Notification.deliver(Notification.queued("csv-export", null), listener, "me");
    Notification.deliver(Notification.changed(List.of(a, b)), listener, "me");

    assertThat(calls).containsExactly("queued csv-export", "changed " + a, "changed " + b);
  }

  @Test
  void payloads_that_are_not_understood_are_ignored() {
    for (String payload : new String[] {null, "", "x", "z:future", "c:not-an-id", "s:"}) {
      Notification.deliver(payload, listener, "me");
    }

    assertThat(calls).isEmpty();
  }
}
