package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationListener;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.Subscription;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * One {@code text/event-stream} of an operation's status: a {@code status} event per change, and
 * the end of the stream after the final state.
 *
 * <p>Design notes. The engine calls listeners on its own threads (state changes on the thread that
 * makes them, progress on the housekeeping tick, which already throttles progress to one event per
 * tick), and they must return quickly. So the listener only {@link #offer offers} the snapshot: it
 * keeps the newest one and, if no send is under way, hands a drain to the executor. The drain sends
 * one event at a time and sends the next when the container reports the previous one written, so no
 * thread waits on a client, and a slow client gets fewer, fresher events rather than a growing
 * queue. Each status is rendered once for all streams ({@link StatusRenderings}). Listeners on
 * different threads can deliver out of order, so an offer older than the newest (an earlier state,
 * or an earlier update) is dropped, and nothing follows a final state. The stream subscribes before
 * it reads the current status, so no change falls between the two. A client that never reads again
 * is noticed at the next send; until then the stream costs one subscription and no thread.
 */
final class EventStream implements OperationListener {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.jaxrs");

  private final SseEventSink sink;
  private final Sse sse;
  private final Executor executor;
  private final Function<OperationSnapshot, StatusRenderings.Rendered> render;
  private final Object lock = new Object();
  private OperationSnapshot newest;
  private OperationSnapshot pending;
  private boolean draining;
  private volatile LastEventId last;
  private volatile Subscription subscription;
  private volatile boolean closed;

  private EventStream(
      SseEventSink sink,
      Sse sse,
      Executor executor,
      Function<OperationSnapshot, StatusRenderings.Rendered> render,
      LastEventId last) {
    this.sink = sink;
    this.sse = sse;
    this.executor = executor;
    this.render = render;
    this.last = last;
  }

  /**
   * Opens a stream: subscribes, then sends the current status unless the client saw it already.
   *
   * @param engine the engine
   * @param id the operation
   * @param sink the client's sink
   * @param sse makes events
   * @param executor sends events, off the engine's threads
   * @param render renders a snapshot as an event carries it
   * @param last what the client saw before, from {@code Last-Event-ID}
   */
  static void open(
      OperationEngine engine,
      OperationId id,
      SseEventSink sink,
      Sse sse,
      Executor executor,
      Function<OperationSnapshot, StatusRenderings.Rendered> render,
      LastEventId last) {
    EventStream stream = new EventStream(sink, sse, executor, render, last);
    Subscription subscription = engine.watch(id, stream);
    stream.subscription = subscription;
    if (stream.closed) {
      subscription.close();
      return;
    }
    OperationSnapshot now;
    try {
      now = engine.status(id);
    } catch (RuntimeException e) {
      subscription.close();
      throw e;
    }
    stream.offer(now);
  }

  @Override
  public void stateChanged(OperationSnapshot snapshot) {
    offer(snapshot);
  }

  @Override
  public void progressed(OperationSnapshot snapshot) {
    offer(snapshot);
  }

  @Override
  public void forgotten(OperationId id) {
    close();
  }

  private void offer(OperationSnapshot snapshot) {
    synchronized (lock) {
      if (closed || (newest != null && !isNewer(snapshot, newest))) {
        return;
      }
      newest = snapshot;
      pending = snapshot;
      if (draining) {
        return;
      }
      draining = true;
    }
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      close();
    }
  }

  /** Sends the pending snapshot, if any; the next send starts when this one is written. */
  private void drain() {
    OperationSnapshot next;
    synchronized (lock) {
      next = pending;
      pending = null;
      if (next == null || closed) {
        draining = false;
        return;
      }
    }
    StatusRenderings.Rendered rendered;
    try {
      rendered = render.apply(next);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not render a status event; closing the stream", e);
      close();
      return;
    }
    if (last.saw(rendered.tag())) {
      afterSend(next);
      return;
    }
    LastEventId id = last.next(rendered.tag());
    OutboundSseEvent event =
        sse.newEventBuilder()
            .name("status")
            .id(id.toString())
            .mediaType(MediaType.APPLICATION_JSON_TYPE)
            .data(String.class, rendered.json())
            .build();
    CompletionStage<?> sent;
    try {
      sent = sink.send(event);
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, "event stream closed by the client", e);
      close();
      return;
    }
    sent.whenComplete(
        (ok, failure) -> {
          if (failure != null) {
            LOG.log(Level.DEBUG, "event stream closed by the client", failure);
            close();
            return;
          }
          last = id;
          afterSend(next);
        });
  }

  /** Ends the stream after a final state, or goes on with what arrived meanwhile. */
  private void afterSend(OperationSnapshot sent) {
    if (!sent.active()) {
      close();
      return;
    }
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      close();
    }
  }

  private void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    Subscription s = subscription;
    if (s != null) {
      s.close();
    }
    try {
      sink.close();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.DEBUG, "could not close an event stream", e);
    }
  }

  private static boolean isNewer(OperationSnapshot candidate, OperationSnapshot newest) {
    if (newest.state().isFinal()) {
      return false;
    }
    int byState = Integer.compare(rank(candidate.state()), rank(newest.state()));
    return byState > 0 || (byState == 0 && !candidate.updatedAt().isBefore(newest.updatedAt()));
  }

  private static int rank(OperationState state) {
    return switch (state) {
      case QUEUED -> 0;
      case RUNNING -> 1;
      case STOPPING -> 2;
      case SUCCEEDED, FAILED, STOPPED -> 3;
    };
  }
}
