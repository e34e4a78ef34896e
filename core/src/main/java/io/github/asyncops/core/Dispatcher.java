package io.github.asyncops.core;

import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.Handover;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;

/**
 * Moves queued operations onto worker threads and off them again. {@link #dispatch} claims as many
 * queued records of a type as the type and the engine have free slots, in one store call (a batch,
 * like db-scheduler's lock-and-fetch), and hands them to the executor; {@link #complete} records
 * how a run ended, frees its slot and, if there is news of queued work, claims the next for the
 * same worker thread, which runs it without a round trip through the executor.
 *
 * <p>Slots are reserved before a claim, so two dispatchers never oversubscribe a type. A claim is
 * made only with a free slot and only on news that can matter: each type counts news of queued work
 * ({@link RegisteredType#submitted}), and a claim that found fewer records than it asked for
 * remembers the count it saw, so no claim follows until new work is announced. A dispatcher that
 * raced a start sees the count move and claims again. An engine that runs no workers (a client-only
 * node) never claims.
 */
final class Dispatcher {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.core");

  private final OperationStore store;
  private final String nodeId;
  private final Clock clock;
  private final LocalExecutions local;
  private final Transitions transitions;
  private final Notifier notifier;
  private final Snapshots snapshots;
  private final Slots slots;
  private final Executor executor;
  private final BooleanSupplier closed;
  private final MessageTexts texts;
  private final boolean runsWorkers;

  Dispatcher(
      EngineConfig config,
      LocalExecutions local,
      Transitions transitions,
      Notifier notifier,
      Snapshots snapshots,
      Executor executor,
      BooleanSupplier closed,
      MessageTexts texts) {
    this.store = config.store();
    this.nodeId = config.nodeId();
    this.clock = config.clock();
    this.runsWorkers = config.runsWorkers();
    this.local = local;
    this.transitions = transitions;
    this.notifier = notifier;
    this.snapshots = snapshots;
    this.slots = new Slots(config.maxRunning());
    this.executor = executor;
    this.closed = closed;
    this.texts = texts;
  }

  /** Tells the dispatcher that work of a type was queued, and claims it if a slot is free. */
  void news(RegisteredType rt) {
    news(rt, null);
  }

  private void news(RegisteredType rt, OperationId startedHere) {
    rt.submitted.incrementAndGet();
    Execution first = dispatch(rt, false, null, startedHere);
    if (first != null) {
      submit(first);
    }
  }

  /** Claims and launches queued operations of a type while it and the engine have free slots. */
  void dispatch(RegisteredType rt) {
    Execution first = dispatch(rt, false);
    if (first != null) {
      submit(first);
    }
  }

  /**
   * Claims queued operations of a type, up to its free slots, and launches them. With {@code
   * forCaller}, returns the first one launched instead of handing it to the executor, for a worker
   * thread that just finished one to run next: that saves the executor's hand-off.
   */
  private Execution dispatch(RegisteredType rt, boolean forCaller) {
    return dispatch(rt, forCaller, null, null);
  }

  /**
   * Claims as {@link #dispatch(RegisteredType, boolean)} does, after {@code claimedBefore}; the
   * operation {@code startedHere}, if this claim takes it, has its worker's {@code start} called on
   * this thread.
   */
  private Execution dispatch(
      RegisteredType rt, boolean forCaller, Execution claimedBefore, OperationId startedHere) {
    Execution forMe = claimedBefore;
    // One thread claims a type at a time; another that brings news leaves it to that one, which
    // sees the news count move before it stops. Checking again after letting go closes the gap
    // between its last look and the release.
    while (runsWorkers && rt.runsHere() && rt.hasNews() && rt.claiming.compareAndSet(false, true)) {
      long lastSeen;
      try {
        forMe = claimWhileNews(rt, forCaller, forMe, startedHere);
      } finally {
        lastSeen = rt.submitted.get();
        rt.claiming.set(false);
      }
      if (rt.submitted.get() == lastSeen) {
        return forMe;
      }
    }
    return forMe;
  }

  private Execution claimWhileNews(
      RegisteredType rt, boolean forCaller, Execution claimedBefore, OperationId startedHere) {
    Execution forMe = claimedBefore;
    while (!closed.getAsBoolean()) {
      long seen = rt.submitted.get();
      if (seen == rt.drainedAt.get()) {
        return forMe;
      }
      int free = slots.reserveUpTo(rt, Integer.MAX_VALUE);
      if (free == 0) {
        return forMe;
      }
      List<OperationRecord> claimed;
      try {
        claimed = store.claim(new ClaimRequest(rt.type.name(), free, nodeId), clock.instant());
      } catch (RuntimeException e) {
        slots.release(rt, free);
        throw e;
      }
      forMe = launchAll(rt, seen, free, claimed, forCaller, forMe, startedHere);
    }
    return forMe;
  }

  /**
   * Launches what a claim for {@code free} reserved slots brought, frees the slots it did not fill,
   * and remembers a short claim as draining the queue up to the news count {@code seen}.
   *
   * @return the operation for the caller to run: {@code forMe}, or if that is null and {@code
   *     forCaller}, the first one launched
   */
  private Execution launchAll(
      RegisteredType rt,
      long seen,
      int free,
      List<OperationRecord> claimed,
      boolean forCaller,
      Execution forMe,
      OperationId startedHere) {
    if (claimed.size() < free) {
      slots.release(rt, free - claimed.size());
      rt.drainedAt.accumulateAndGet(seen, Math::max);
    }
    Execution mine = forMe;
    for (OperationRecord record : claimed) {
      Execution launched = launch(rt, record, record.id().equals(startedHere));
      if (launched == null) {
        continue;
      }
      if (forCaller && mine == null) {
        mine = launched;
      } else {
        submit(launched);
      }
    }
    return mine;
  }

  /**
   * Claims every type that has news; with {@code poll}, every type, for news a store could not
   * push.
   */
  void dispatchAll(Collection<RegisteredType> types, boolean poll) {
    for (RegisteredType rt : types) {
      if (poll) {
        rt.submitted.incrementAndGet();
      }
      if (rt.hasNews()) {
        dispatch(rt);
      }
    }
  }

  /**
   * Prepares a claimed operation to run: makes its worker and, with {@code startHere}, calls its
   * {@code start} on the claiming thread, so that a start whose caller's thread claims at once
   * answers with the first text. Every other claim (remote news, a requeue, the housekeeping tick)
   * leaves {@code start} to the worker thread ({@link Run}), so that a slow {@code start} never
   * holds up the thread that claimed. Null if it cannot run, already runs, or its {@code start}
   * threw, which fails it.
   */
  private Execution launch(RegisteredType rt, OperationRecord record, boolean startHere) {
    Execution execution;
    try {
      execution =
          local.getOrMake(
              record.id(),
              id ->
                  Execution.claimed(
                      id, rt, rt.create(record.parameters()), record.progress(), texts));
    } catch (RuntimeException e) {
      slots.release(rt);
      transitions.finish(
          record.id(),
          record.lease().epoch(),
          Failures.ending(record.progress(), e, texts, rt.type.name()));
      return null;
    }
    if (!execution.launch(record.lease().epoch(), clock.instant())) {
      slots.release(rt);
      return null;
    }
    try {
      if (startHere && execution.takeStart()) {
        execution.start();
      }
    } catch (RuntimeException e) {
      local.remove(execution);
      slots.release(rt);
      LOG.log(Level.WARNING, "operation " + record.id() + " failed to start", e);
      transitions.finish(
          record.id(),
          record.lease().epoch(),
          Failures.ending(Progress.NONE, e, texts, rt.type.name()));
      return null;
    }
    execution.known(record);
    notifier.stateChanged(snapshots.of(record));
    return execution;
  }

  /** Hands a launched operation to the executor; fails it if the executor refuses. */
  void submit(Execution execution) {
    try {
      executor.execute(new Run(this, clock, execution));
    } catch (RejectedExecutionException e) {
      LOG.log(Level.ERROR, "the worker executor refused operation " + execution.id, e);
      end(
          execution,
          Ending.failed(
              Progress.NONE,
              closed.getAsBoolean()
                  ? "the server is shutting down"
                  : "the server could not run the operation"));
    }
  }

  /**
   * Ends an operation that ran here: stores the final state and frees its slot. Then, if news of
   * queued work came, claims the next operation of the type for the calling worker thread to run.
   *
   * @return the next operation, launched, or null if none is queued or it could not be claimed
   */
  Execution complete(Execution execution, Ending ending) {
    RegisteredType rt = execution.type;
    try {
      if (!execution.lost() && runsWorkers && !closed.getAsBoolean() && rt.hasNews()) {
        return dispatch(rt, true, handOver(execution, ending), null);
      }
      end(execution, ending);
      return dispatch(rt, true);
    } catch (StoreUnavailableException e) {
      LOG.log(Level.DEBUG, "could not claim queued '" + rt.type.name() + "' work: " + e);
      return null;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not claim queued '" + rt.type.name() + "' work", e);
      return null;
    }
  }

  /**
   * Ends an operation and claims queued ones of its type in one store call, so that the ending
   * operation's slot passes to the next without a write of its own. Unlike other claims, this one
   * may run while another thread claims the type: it brings the slot it frees, and the news that
   * work is queued.
   *
   * @return the next operation for the calling worker thread, or null
   */
  private Execution handOver(Execution execution, Ending ending) {
    RegisteredType rt = execution.type;
    long seen = rt.submitted.get();
    int free = 1 + slots.reserveUpTo(rt, Integer.MAX_VALUE);
    Handover handover;
    try {
      handover =
          store.finishAndClaim(
              execution.id,
              execution.epoch(),
              ending,
              new ClaimRequest(rt.type.name(), free, nodeId),
              clock.instant());
    } catch (RuntimeException e) {
      local.remove(execution);
      slots.release(rt, free);
      LOG.log(Level.ERROR, unrecorded(execution, ending.state()), e);
      return null;
    }
    local.remove(execution);
    handover.finished().ifPresent(r -> notifier.stateChanged(snapshots.of(r)));
    return launchAll(rt, seen, free, handover.claimed(), true, null, null);
  }

  /**
   * Stores an operation's final state, unless this node lost it, and frees its slot, without
   * dispatching: after an executor refused a task, dispatching at once would fail the whole queue;
   * the next tick tries again.
   */
  private void end(Execution execution, Ending ending) {
    try {
      if (!execution.lost()) {
        transitions.finish(execution.id, execution.epoch(), ending);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, unrecorded(execution, ending.state()), e);
    } finally {
      local.remove(execution);
      slots.release(execution.type);
    }
  }

  private static String unrecorded(Execution execution, OperationState state) {
    return "could not record the end of operation "
        + execution.id
        + " ("
        + state
        + "); without heartbeats it will be failed as lost after the lease";
  }

  /**
   * Dispatches after a start, where a failure must not reach the caller: the operation was
   * accepted, and the next housekeeping tick dispatches again. If this claims the operation {@code
   * started}, its worker's {@code start} runs here, on the starting caller's thread.
   */
  void dispatchQuietly(RegisteredType rt, OperationId started) {
    try {
      news(rt, started);
    } catch (StoreUnavailableException e) {
      LOG.log(Level.DEBUG, "could not claim queued '" + rt.type.name() + "' work: " + e);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not claim queued '" + rt.type.name() + "' work; retrying", e);
    }
  }
}
