package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.ForwardingOperationStore;
import io.github.asyncops.core.spi.Handover;
import io.github.asyncops.core.spi.Heartbeat;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.WorkerContext;
import io.github.asyncops.core.store.InMemoryOperationStore;
import io.github.asyncops.testing.Gate;
import io.github.asyncops.testing.ManualClock;
import io.github.asyncops.testing.ManualScheduler;
import io.github.asyncops.testing.TestProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: the engine while its store cannot be reached, as a database store is during an outage
 * (it throws {@link StoreUnavailableException}). The status and events of an operation that runs
 * here come from memory; everything else that needs the store passes the exception on; health says
 * unhealthy with the reason, and healthy again at the first tick after the store is back; the
 * engine logs nothing above DEBUG for it (the store logs the outage). And the lease: an outage
 * shorter than {@code lease - heartbeatInterval} leaves the worker running, a longer one stops it
 * and the operation fails as lost once the store is back. How fast a database store fails is the
 * JDBC store's {@code OutageTest} and {@code DatabaseOutagePostgresIT}.
 */
final class DatabaseOutageTest {
  private static final Duration HEARTBEAT = Duration.ofSeconds(5);
  private static final Duration LEASE = Duration.ofSeconds(30);

  private final Gate gate = new Gate();
  private final ManualClock clock = new ManualClock();
  private final ManualScheduler scheduler = new ManualScheduler();
  private final Unreachable store = new Unreachable();
  private final Map<OperationId, WorkerContext> contexts = new ConcurrentHashMap<>();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final AtomicInteger runs = new AtomicInteger();
  private final Logger coreLog = Logger.getLogger("io.github.asyncops.core");
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() > Level.FINE.intValue()) {
            logged.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private final OperationEngine engine =
      OperationEngine.builder()
          .discover(false)
          .store(store)
          .clock(clock)
          .scheduler(scheduler)
          .heartbeatInterval(HEARTBEAT)
          .lease(LEASE)
          .stopGrace(Duration.ofSeconds(1))
          .worker(
              TestProvider.of(
                  "flight",
                  p ->
                      c -> {
                        runs.incrementAndGet();
                        contexts.put(c.id(), c);
                        c.progress(0.25, "a quarter");
                        if (!gate.pass(c)) {
                          events.add("saw the stop of " + c.id());
                          return OperationResult.none();
                        }
                        return OperationResult.of("landed");
                      }))
          .build();

  /** A store whose every call fails at once while {@link #down}, as a database store's does. */
  static final class Unreachable extends ForwardingOperationStore {
    volatile boolean down;

    Unreachable() {
      super(new InMemoryOperationStore());
    }

    private void check(String what) {
      if (down) {
        throw new StoreUnavailableException(
            "could not " + what + ": the database does not answer (SQLState 08001)", null);
      }
    }

    @Override
    public InsertResult insert(OperationRecord record, boolean replaceActive, int queueLimit) {
      check("insert");
      return super.insert(record, replaceActive, queueLimit);
    }

    @Override
    public Optional<OperationRecord> find(OperationId id) {
      check("find");
      return super.find(id);
    }

    @Override
    public boolean forgotten(OperationId id) {
      check("look up");
      return super.forgotten(id);
    }

    @Override
    public List<OperationRecord> list(OperationQuery query) {
      check("list");
      return super.list(query);
    }

    @Override
    public List<OperationRecord> claim(ClaimRequest request, Instant now) {
      check("claim");
      return super.claim(request, now);
    }

    @Override
    public Optional<OperationRecord> requestStop(OperationId id, String text, Instant now) {
      check("stop");
      return super.requestStop(id, text, now);
    }

    @Override
    public Optional<OperationRecord> progress(
        OperationId id, long epoch, Progress progress, Instant now) {
      check("store progress");
      return super.progress(id, epoch, progress, now);
    }

    @Override
    public Optional<OperationRecord> finish(
        OperationId id, long epoch, Ending ending, Instant now) {
      check("finish");
      return super.finish(id, epoch, ending, now);
    }

    @Override
    public Handover finishAndClaim(
        OperationId id, long epoch, Ending ending, ClaimRequest next, Instant now) {
      check("finish and claim");
      return super.finishAndClaim(id, epoch, ending, next, now);
    }

    @Override
    public Heartbeat heartbeat(String node, Map<OperationId, Long> held, Instant now) {
      check("heartbeat");
      return super.heartbeat(node, held, now);
    }

    @Override
    public List<OperationRecord> expire(Instant staleBefore, String error, Instant now) {
      check("expire");
      return super.expire(staleBefore, error, now);
    }

    @Override
    public void tick(Instant now) {
      check("tick");
      super.tick(now);
    }

    @Override
    public boolean delete(OperationId id) {
      check("delete");
      return super.delete(id);
    }
  }

  @BeforeEach
  void captureLog() {
    // The tests' logging.properties lets only SEVERE through.
    coreLog.setLevel(Level.FINE);
    coreLog.addHandler(capture);
  }

  @AfterEach
  void close() {
    coreLog.removeHandler(capture);
    coreLog.setLevel(null);
    store.down = false;
    gate.open(100);
    engine.close();
  }

  private OperationId running() throws InterruptedException {
    OperationId id = engine.start(StartRequest.of("flight")).operation().id();
    gate.awaitArrivals(1);
    scheduler.tick();
    return id;
  }

  /** Lets time pass in ticks of a second, as the housekeeping thread does. */
  private void pass(Duration time) {
    for (long s = 0; s < time.toSeconds(); s++) {
      clock.advance(Duration.ofSeconds(1));
      scheduler.tick();
    }
  }

  @Test
  void status_and_events_of_an_operation_running_here_come_from_memory() throws Exception {
    OperationId id = running();
    List<OperationSnapshot> heard = new CopyOnWriteArrayList<>();
    engine.watch(
        id,
        new OperationListener() {
          @Override
          public void progressed(OperationSnapshot snapshot) {
            heard.add(snapshot);
          }
        });
    store.down = true;

    contexts.get(id).progress(0.5, "half way");
    pass(Duration.ofSeconds(1));

    OperationSnapshot status = engine.status(id);
    assertThat(status.state()).isEqualTo(OperationState.RUNNING);
    assertThat(status.value()).isEqualTo(0.5);
    assertThat(status.text()).isEqualTo("half way");
    assertThat(heard).extracting(OperationSnapshot::text).contains("half way");
    assertThat(logged).isEmpty();
  }

  @Test
  void other_reads_starts_and_stops_pass_the_store_unavailable_exception_on() throws Exception {
    OperationId id = running();
    store.down = true;

    assertThatThrownBy(() -> engine.status(OperationId.random()))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> engine.list(OperationQuery.of("flight")))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> engine.start(StartRequest.of("flight")))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("the database does not answer");
    assertThatThrownBy(() -> engine.stop(id)).isInstanceOf(StoreUnavailableException.class);
    assertThat(((Engine) engine).localOperations()).isEqualTo(1);
  }

  @Test
  void health_is_down_with_the_reason_and_up_at_the_first_tick_after_the_store_is_back()
      throws Exception {
    running();
    assertThat(engine.health().healthy()).isTrue();
    store.down = true;

    EngineHealth down = engine.health();
    assertThat(down.healthy()).isFalse();
    assertThat(down.storeReachable()).isFalse();
    assertThat(down.storeProblem()).contains("the database does not answer");
    pass(HEARTBEAT.multipliedBy(3));
    assertThat(engine.health().heartbeatsOnTime()).isFalse();

    store.down = false;
    pass(Duration.ofSeconds(1));

    EngineHealth up = engine.health();
    assertThat(up.healthy()).as("%s", up).isTrue();
    assertThat(up.lastHeartbeat()).isEqualTo(clock.instant());
    assertThat(logged).extracting(LogRecord::getMessage).isEmpty();
  }

  @Test
  void progress_reported_during_an_outage_reaches_the_store_once_it_is_back() throws Exception {
    OperationId id = running();
    store.down = true;
    contexts.get(id).progress(0.75, "three quarters");
    pass(Duration.ofSeconds(2));

    store.down = false;
    pass(Duration.ofSeconds(1));

    assertThat(store.find(id).orElseThrow().progress())
        .isEqualTo(new Progress(0.75, "three quarters"));
  }

  @Test
  void an_outage_shorter_than_lease_minus_heartbeat_leaves_the_worker_running() throws Exception {
    OperationId id = running();
    store.down = true;

    pass(LEASE.minus(HEARTBEAT).minusSeconds(2));
    store.down = false;
    pass(Duration.ofSeconds(1));
    gate.open(1);

    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> engine.status(id).state() == OperationState.SUCCEEDED);
    assertThat(events).isEmpty();
    assertThat(runs).hasValue(1);
  }

  @Test
  void a_longer_outage_stops_the_worker_before_the_lease_ends_and_fails_it_as_lost_once_back()
      throws Exception {
    OperationId id = running();
    store.down = true;

    // The tick at lease - heartbeat lets go; the next ones would interrupt after the stop grace.
    pass(LEASE.minus(HEARTBEAT));
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
    assertThat(events).containsExactly("saw the stop of " + id);
    assertThat(logged)
        .extracting(LogRecord::getMessage)
        .singleElement()
        .asString()
        .contains("its lease could not be renewed");

    store.down = false;
    pass(HEARTBEAT.plusSeconds(1));

    OperationSnapshot lost = engine.status(id);
    assertThat(lost.state()).isEqualTo(OperationState.FAILED);
    assertThat(lost.error()).isEqualTo("the server running the operation was lost");
    assertThat(runs).hasValue(1);
  }

  @Test
  void closing_during_an_outage_still_asks_the_workers_to_stop() throws Exception {
    OperationId id = running();
    store.down = true;

    engine.close();

    assertThat(events).containsExactly("saw the stop of " + id);
  }
}
