package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerContext;
import io.github.asyncops.core.store.InMemoryOperationStore;
import io.github.asyncops.testing.ManualClock;
import io.github.asyncops.testing.ManualScheduler;
import io.github.asyncops.testing.TestProvider;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where a worker's {@code start} runs: on the starting caller's thread only for the start request's
 * own claim, on the worker thread for every other claim, so a slow {@code start} never holds up
 * housekeeping. How {@code start} failures end an operation is in {@link WorkerFailureTest}.
 */
final class SlowStartTest {
  private static final Duration HEARTBEAT = Duration.ofSeconds(5);

  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch finish = new CountDownLatch(1);
  private final AtomicReference<Thread> startThread = new AtomicReference<>();
  private final ManualClock clock = new ManualClock();
  private final InMemoryOperationStore store = new InMemoryOperationStore();
  private final ManualScheduler scheduler = new ManualScheduler();
  private final ExecutorService housekeeping = Executors.newSingleThreadExecutor();
  private final Worker slowStarter =
      new Worker() {
        @Override
        public String start() {
          startThread.set(Thread.currentThread());
          started.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return "Поехали!";
        }

        @Override
        public OperationResult run(WorkerContext context) throws InterruptedException {
          finish.await();
          return OperationResult.none();
        }
      };
  private final OperationEngine client =
      OperationEngine.builder()
          .discover(false)
          .nodeId("client")
          .store(store)
          .clock(clock)
          .scheduler(new ManualScheduler())
          .runsWorkers(false)
          .worker(TestProvider.of("flight", p -> slowStarter))
          .build();
  private final OperationEngine node =
      OperationEngine.builder()
          .discover(false)
          .nodeId("node")
          .store(store)
          .clock(clock)
          .scheduler(scheduler)
          .heartbeatInterval(HEARTBEAT)
          .worker(TestProvider.of("flight", p -> slowStarter))
          .build();

  @AfterEach
  void close() {
    release.countDown();
    finish.countDown();
    client.close();
    node.close();
    housekeeping.shutdownNow();
  }

  /** Runs one housekeeping tick on a thread of its own, as the engine's scheduler thread would. */
  private CompletableFuture<Void> tick() {
    return CompletableFuture.runAsync(scheduler::tick, housekeeping);
  }

  @Test
  void a_slow_start_claimed_by_housekeeping_does_not_delay_the_heartbeat() throws Exception {
    OperationId id = client.start(StartRequest.of("flight")).operation().id();

    tick().get(10, TimeUnit.SECONDS);
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(store.find(id).orElseThrow().state()).isEqualTo(OperationState.RUNNING);

    clock.advance(HEARTBEAT);
    tick().get(10, TimeUnit.SECONDS);

    assertThat(node.health().lastHeartbeat()).isEqualTo(clock.instant());
    assertThat(startThread.get()).isNotSameAs(housekeeping.submit(Thread::currentThread).get());
    release.countDown();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "Поехали!".equals(node.status(id).text()));
  }

  @Test
  void a_start_claimed_at_once_answers_with_the_start_text() {
    release.countDown();

    OperationSnapshot first = node.start(StartRequest.of("flight")).operation();

    assertThat(first.text()).isEqualTo("Поехали!");
    assertThat(startThread.get()).isSameAs(Thread.currentThread());
  }
}
