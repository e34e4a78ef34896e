package io.github.asyncops.core;

import io.github.asyncops.core.spi.OperationRecord;
import java.time.Clock;
import java.util.Map;

/**
 * Turns records into what pollers see, with live progress for operations running here. An operation
 * this node only started shows what the store has, since another node may run it.
 */
final class Snapshots {
  private final Map<String, RegisteredType> types;
  private final LocalExecutions local;
  private final Clock clock;

  Snapshots(Map<String, RegisteredType> types, LocalExecutions local, Clock clock) {
    this.types = types;
    this.local = local;
    this.clock = clock;
  }

  OperationSnapshot of(OperationRecord r) {
    double value = r.progress().value();
    String text = r.progress().text();
    Message message = r.progress().message();
    Execution execution = r.state().isActive() ? local.get(r.id()) : null;
    if (execution != null && execution.launched() && !execution.lost()) {
      Progress live = execution.ping();
      value = live.value();
      text = live.text();
      message = live.message();
    } else {
      execution = null;
    }
    RegisteredType rt = types.get(r.type());
    RunTime time = RunTime.of(r, execution, rt == null ? null : rt.type, clock.instant());
    return new OperationSnapshot(
        r.id(),
        r.type(),
        r.state(),
        value,
        text,
        r.owner(),
        r.key(),
        r.times().createdAt(),
        r.times().startedAt(),
        r.times().updatedAt(),
        r.times().finishedAt(),
        r.outcome().error(),
        !(r.outcome().result() instanceof OperationResult.None),
        r.stopRequested(),
        r.state().isActive() && rt != null ? rt.type.pollInterval() : null,
        r.lease().node(),
        time.elapsed(),
        time.remaining(),
        time.stalled(),
        time.stage(),
        message,
        r.outcome().errorMessage());
  }
}
