package io.github.asyncops.jaxrs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.asyncops.core.OperationAdmin;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.jaxrs.json.AdminRowJson;
import io.github.asyncops.jaxrs.json.SummaryJson;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What every admin event stream ({@code GET {base}/_admin/events}) sends: a {@code summary} event
 * when the summary changes, and a {@code progress} event with the row of each running operation
 * whose progress or state changed, and once more when it leaves the running states.
 *
 * <p>Design notes. The feed reads the store, not the engine's listeners, so it sees the operations
 * of every node that shares the store. One timer thread reads the summary and the running
 * operations once every {@link #INTERVAL_MILLIS} for all streams and renders each event once; the
 * timer runs only while a stream is open. Each {@link AdminStream} sends on the adapter's executor,
 * one event at a time, so a slow client costs no thread and gets the newest events only.
 */
final class AdminFeed {
  /** How often the feed reads the store while a stream is open: about once a second. */
  static final long INTERVAL_MILLIS = 1_000;

  /** How many ticks pass between two keep-alive comments, which find clients that went away. */
  static final int KEEP_ALIVE_TICKS = 15;

  /** The most running operations whose progress is followed. */
  static final int MAX_RUNNING = 1_000;

  private static final System.Logger LOG = System.getLogger("io.github.asyncops.jaxrs.admin");
  private static final ObjectMapper JSON = WireJsonProvider.mapper();
  private static final OperationQuery RUNNING =
      OperationQuery.all()
          .withStates(Set.of(OperationState.RUNNING, OperationState.STOPPING))
          .withLimit(MAX_RUNNING);

  private final OperationAdmin admin;
  private final Set<AdminStream> streams = ConcurrentHashMap.newKeySet();
  private final Object timerLock = new Object();
  private ScheduledExecutorService timer;
  private ScheduledFuture<?> ticking;
  // Touched by the timer thread only.
  private SummaryJson lastSummary;
  private Map<OperationId, AdminRowJson> lastRunning = Map.of();
  private int ticks;

  AdminFeed(OperationAdmin admin) {
    this.admin = admin;
  }

  /**
   * Opens a stream: sends the current summary at once, then what the timer finds.
   *
   * @param sink the client's sink
   * @param sse makes events
   * @param executor sends events
   */
  void join(SseEventSink sink, Sse sse, Executor executor) {
    AdminStream stream = new AdminStream(sink, sse, executor, this::leave);
    stream.offer("summary", null, render(SummaryJson.of(admin.summary())));
    streams.add(stream);
    synchronized (timerLock) {
      if (timer == null) {
        timer =
            Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "asyncops-admin-feed");
                  t.setDaemon(true);
                  return t;
                });
      }
      if (ticking == null) {
        ticking =
            timer.scheduleWithFixedDelay(
                this::tick, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
      }
    }
  }

  private void leave(AdminStream stream) {
    streams.remove(stream);
    synchronized (timerLock) {
      if (streams.isEmpty() && ticking != null) {
        ticking.cancel(false);
        ticking = null;
        lastSummary = null;
        lastRunning = Map.of();
      }
    }
  }

  /** One read of the store for every stream; a failure is logged and the next tick tries again. */
  private void tick() {
    if (streams.isEmpty()) {
      return;
    }
    if (++ticks % KEEP_ALIVE_TICKS == 0) {
      streams.forEach(AdminStream::keepAlive);
    }
    try {
      SummaryJson summary = SummaryJson.of(admin.summary());
      if (lastSummary == null || !sameCounts(summary, lastSummary)) {
        lastSummary = summary;
        publish("summary", null, render(summary));
      }
      Map<OperationId, AdminRowJson> running = new LinkedHashMap<>();
      for (OperationRecord r : admin.list(RUNNING)) {
        running.put(r.id(), AdminRowJson.of(r));
      }
      for (Map.Entry<OperationId, AdminRowJson> e : running.entrySet()) {
        AdminRowJson before = lastRunning.get(e.getKey());
        if (before == null || !before.equals(e.getValue())) {
          publish("progress", e.getKey(), render(e.getValue()));
        }
      }
      for (OperationId gone : lastRunning.keySet()) {
        if (!running.containsKey(gone)) {
          admin.find(gone).ifPresent(r -> publish("progress", gone, render(AdminRowJson.of(r))));
        }
      }
      lastRunning = new HashMap<>(running);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the admin event feed could not read the store; trying again", e);
    }
  }

  private void publish(String name, OperationId id, String json) {
    for (AdminStream stream : streams) {
      stream.offer(name, id, json);
    }
  }

  /** Tells whether two summaries differ in anything but the instant they were taken at. */
  private static boolean sameCounts(SummaryJson a, SummaryJson b) {
    return a.types().equals(b.types())
        && a.nodes().equals(b.nodes())
        && a.queued() == b.queued()
        && a.failedLastHour() == b.failedLastHour()
        && Objects.equals(a.oldestQueued(), b.oldestQueued());
  }

  private static String render(Object json) {
    try {
      return JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
