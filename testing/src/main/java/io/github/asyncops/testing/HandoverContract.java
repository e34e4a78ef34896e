package io.github.asyncops.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.Handover;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@link OperationStore#finishAndClaim} of an {@link OperationStore}, part of {@link
 * OperationStoreContract}: a finish and a claim in one call, the claim made whether or not the
 * finish was accepted.
 */
public interface HandoverContract {

  /**
   * The store under test, fresh and empty for each test, with the contract's types registered.
   *
   * @return the store
   */
  OperationStore store();

  private OperationRecord inserted() {
    OperationRecord record =
        OperationRecord.queued(
            OperationId.random(),
            "t",
            "alice",
            "k",
            null,
            "p",
            Duration.ofMinutes(5),
            Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(store().insert(record, false, Integer.MAX_VALUE))
        .isInstanceOf(InsertResult.Inserted.class);
    return record;
  }

  private OperationRecord running() {
    OperationRecord record = inserted();
    assertThat(
            store()
                .claim(new ClaimRequest("t", 1, "node-a"), Instant.parse("2026-01-01T00:00:01Z")))
        .extracting(OperationRecord::id)
        .containsExactly(record.id());
    return store().find(record.id()).orElseThrow();
  }

  private Handover finishAndClaim(OperationRecord record, long epoch, int max) {
    return store()
        .finishAndClaim(
            record.id(),
            epoch,
            Ending.succeeded(new Progress(1, "done"), OperationResult.of("r")),
            new ClaimRequest("t", max, "node-a"),
            Instant.parse("2026-01-01T00:00:02Z"));
  }

  /** The ending record is final and the next is running on the node, with its parameters. */
  @Test
  default void finish_and_claim_ends_one_record_and_claims_the_next_in_one_call() {
    OperationRecord ending = running();
    OperationRecord next = inserted();

    Handover handover = finishAndClaim(ending, ending.lease().epoch(), 2);

    assertThat(handover.finished())
        .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(OperationState.SUCCEEDED));
    assertThat(handover.claimed()).extracting(OperationRecord::id).containsExactly(next.id());
    assertThat(handover.claimed().get(0).parameters()).isEqualTo("p");
    assertThat(handover.claimed().get(0).lease().epoch()).isEqualTo(1);
    assertThat(store().find(next.id()).orElseThrow().lease().node()).isEqualTo("node-a");
  }

  /** A node that lost its operation still has the slot, so it still claims. */
  @Test
  default void finish_and_claim_still_claims_when_the_finish_is_refused() {
    OperationRecord lost = running();
    OperationRecord next = inserted();

    Handover handover = finishAndClaim(lost, lost.lease().epoch() + 1, 1);

    assertThat(handover.finished()).isEmpty();
    assertThat(store().find(lost.id()).orElseThrow().state()).isEqualTo(OperationState.RUNNING);
    assertThat(handover.claimed()).extracting(OperationRecord::id).containsExactly(next.id());
  }
}
