package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.OperationId;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * One client's admin event stream. Like {@link EventStream}, it sends one event at a time on the
 * executor and the next when the container reports the previous one written; meanwhile it keeps
 * only the newest summary and the newest row of each operation, so a slow client gets fewer,
 * fresher events rather than a growing queue. A failed send closes it and tells the feed.
 */
final class AdminStream {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.jaxrs.admin");
  private static final Object SUMMARY = new Object();
  private static final Object KEEP_ALIVE = new Object();

  private final SseEventSink sink;
  private final Sse sse;
  private final Executor executor;
  private final Consumer<AdminStream> onClose;
  private final Object lock = new Object();
  // Event name and data by what they describe: the summary, or an operation's id.
  private final Map<Object, String[]> pending = new LinkedHashMap<>();
  private boolean draining;
  private boolean closed;

  AdminStream(SseEventSink sink, Sse sse, Executor executor, Consumer<AdminStream> onClose) {
    this.sink = sink;
    this.sse = sse;
    this.executor = executor;
    this.onClose = onClose;
  }

  /** Queues a comment, which finds out whether the client is still there. */
  void keepAlive() {
    enqueue(KEEP_ALIVE, null, null);
  }

  /**
   * Queues an event, replacing an unsent one about the same thing.
   *
   * @param name the event's name
   * @param id the operation it is about, or null for the summary
   * @param json the event's data
   */
  void offer(String name, OperationId id, String json) {
    enqueue(id == null ? SUMMARY : id, name, json);
  }

  private void enqueue(Object about, String name, String json) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      pending.put(about, new String[] {name, json});
      if (draining) {
        return;
      }
      draining = true;
    }
    schedule();
  }

  private void schedule() {
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      close();
    }
  }

  private void drain() {
    String[] next;
    synchronized (lock) {
      var first = pending.entrySet().iterator();
      if (closed || !first.hasNext()) {
        draining = false;
        return;
      }
      next = first.next().getValue();
      first.remove();
    }
    OutboundSseEvent event =
        next[0] == null
            ? sse.newEventBuilder().comment("keep-alive").build()
            : sse.newEventBuilder()
                .name(next[0])
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, next[1])
                .build();
    CompletionStage<?> sent;
    try {
      sent = sink.send(event);
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, "admin event stream closed by the client", e);
      close();
      return;
    }
    sent.whenComplete(
        (ok, failure) -> {
          if (failure != null) {
            LOG.log(Level.DEBUG, "admin event stream closed by the client", failure);
            close();
          } else {
            schedule();
          }
        });
  }

  private void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      pending.clear();
    }
    onClose.accept(this);
    try {
      sink.close();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.DEBUG, "could not close an admin event stream", e);
    }
  }
}
