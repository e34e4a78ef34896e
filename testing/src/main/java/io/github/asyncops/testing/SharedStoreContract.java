package io.github.asyncops.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.Subscription;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.core.spi.StoreListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What {@link OperationStore#listen} does for a store that several nodes share: a stop requested on
 * one node reaches the listener of the node that runs the operation, without waiting for its
 * heartbeat, and a closed subscription hears nothing more. A shared store's contract test
 * implements this next to extending {@link OperationStoreContract}; a store used by one engine
 * keeps the default {@code listen}, which has nothing to report.
 */
public interface SharedStoreContract {
  /** How long news may take to arrive, whether pushed or polled. */
  Duration PATIENCE = Duration.ofSeconds(10);

  /**
   * The store under test, fresh and empty for each test, with the contract's types registered.
   *
   * @return the store
   */
  OperationStore store();

  /**
   * A second store on the same data, as another node opens it, with the contract's types
   * registered. The test class closes it after each test.
   *
   * @return the other node's store
   */
  OperationStore peer();

  /** Records the stop requests a listener hears. */
  final class HeardStops implements StoreListener {
    /** The ids heard, in order. */
    public final List<OperationId> stops = new CopyOnWriteArrayList<>();

    /** Creates a listener that has heard nothing yet. */
    public HeardStops() {}

    @Override
    public void queued(String type) {}

    @Override
    public void stopRequested(OperationId id) {
      stops.add(id);
    }

    @Override
    public void changed(OperationId id) {}
  }

  private OperationRecord runningHere() {
    Instant now = Instant.now();
    OperationRecord record =
        OperationRecord.queued(
            OperationId.random(), "t", "alice", null, null, "p", Duration.ofMinutes(5), now);
    assertThat(store().insert(record, false, Integer.MAX_VALUE))
        .isInstanceOf(InsertResult.Inserted.class);
    assertThat(store().claim(new ClaimRequest("t", 1, "node-a"), now)).hasSize(1);
    return record;
  }

  /** The running node hears the stop without a heartbeat. */
  @Test
  default void a_stop_requested_on_another_node_reaches_the_running_nodes_listener() {
    OperationRecord running = runningHere();
    HeardStops heard = new HeardStops();
    Subscription subscription = store().listen(heard);
    try {
      peer().requestStop(running.id(), null, Instant.now());

      Awaitility.await().atMost(PATIENCE).until(() -> heard.stops.contains(running.id()));
    } finally {
      subscription.close();
    }
  }

  /** News after the close goes to the listeners still subscribed, and only to them. */
  @Test
  default void a_closed_subscription_hears_no_more_news() {
    OperationRecord first = runningHere();
    OperationRecord second = runningHere();
    HeardStops closed = new HeardStops();
    store().listen(closed).close();
    HeardStops open = new HeardStops();
    Subscription subscription = store().listen(open);
    try {
      peer().requestStop(first.id(), null, Instant.now());
      peer().requestStop(second.id(), null, Instant.now());

      Awaitility.await()
          .atMost(PATIENCE)
          .until(() -> open.stops.containsAll(List.of(first.id(), second.id())));
      assertThat(closed.stops).isEmpty();
    } finally {
      subscription.close();
    }
  }
}
