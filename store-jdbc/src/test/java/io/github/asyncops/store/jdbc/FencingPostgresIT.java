package io.github.asyncops.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.testing.TestProvider;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12: a node that loses its operation while it cannot act (paused with SIGSTOP past the
 * lease, or cut off from the database) stops its worker and never changes the operation again,
 * while a survivor fails it as lost and runs the GLOBAL type's next flight. The stale node is a
 * {@link FencingChild} in its own JVM; every assertion reads the events both nodes recorded, with
 * the wall clock they share. The assertions are about order and eventual outcome, each awaited up
 * to a generous deadline; how fast the stale node reacts is printed to the test's output, not
 * asserted, because a loaded machine can pause either JVM: speed belongs in the benchmarks.
 */
final class FencingPostgresIT {
  static final String FLIGHT = "flight";
  private static final Duration HEARTBEAT = Duration.ofSeconds(1);
  private static final Duration LEASE = Duration.ofSeconds(6);
  private static final Duration GRACE = Duration.ofSeconds(1);
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String NODE_LOST = "the server running the operation was lost";
  @RegisterExtension static final PostgresDatabase database = new PostgresDatabase();

  /** What a node did, when, by the wall clock. */
  private record Event(String what, OperationId id, long at) {
    static Event parse(String line) {
      String[] parts = line.split(" ");
      return new Event(parts[0], OperationId.of(parts[1]), Long.parseLong(parts[2]));
    }
  }

  private final List<Event> stale = new CopyOnWriteArrayList<>();
  private final List<Event> survivorRuns = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private Process child;
  private Node survivor;
  private TcpProxy proxy;

  @BeforeEach
  void emptyTables() throws Exception {
    database.empty();
  }

  @AfterEach
  void stopEverything() throws IOException {
    release.countDown();
    if (child != null) {
      child.destroyForcibly();
    }
    if (survivor != null) {
      survivor.close();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  void a_node_paused_past_its_lease_stops_its_worker_and_its_writes_are_refused() throws Exception {
    OperationId first = startChild("paused", withIdleTransactionTimeout(PostgresDatabase.URL));
    startSurvivor();

    signal("STOP");
    OperationSnapshot lost = awaitFinal(first);
    OperationId second = survivor.engine.start(StartRequest.of(FLIGHT)).operation().id();
    Event secondRuns = awaitSurvivorRun(second);
    long resumedAt = System.currentTimeMillis();
    signal("CONT");

    Event stopped = awaitStale("STOPPED");
    long stopMillis = stopped.at() - resumedAt;
    System.out.printf(
        "FencingPostgresIT: the stale worker stopped %d ms after SIGCONT%n", stopMillis);
    assertThat(stopped.id()).isEqualTo(first);
    assertThat(stopped.at())
        .as(
            "the worker stops once resumed, not before (%d ms after SIGCONT; heartbeat %d ms, grace"
                + " %d ms)",
            stopMillis, HEARTBEAT.toMillis(), GRACE.toMillis())
        .isGreaterThanOrEqualTo(resumedAt);
    assertNothingAcceptedAfter(first, secondRuns.at());
    assertThat(childLog("paused")).contains("is no longer held by this node");
    assertUnchanged(first, lost);
  }

  @Test
  void a_node_cut_off_from_the_database_stops_its_worker_before_the_operation_runs_elsewhere()
      throws Exception {
    URI url = URI.create(PostgresDatabase.URL.substring("jdbc:".length()));
    proxy = new TcpProxy(url.getHost(), url.getPort());
    String throughProxy =
        PostgresDatabase.URL.replace(":" + url.getPort() + "/", ":" + proxy.port() + "/");
    OperationId first = startChild("cut", withIdleTransactionTimeout(throughProxy));
    startSurvivor();

    proxy.cut();
    Event stopped = awaitStale("STOPPED");
    OperationSnapshot lost = awaitFinal(first);
    OperationId second = survivor.engine.start(StartRequest.of(FLIGHT)).operation().id();
    Event secondRuns = awaitSurvivorRun(second);
    proxy.heal();

    assertThat(stopped.id()).isEqualTo(first);
    assertThat(stopped.at())
        .as("the stale worker stops before the next run")
        .isLessThan(secondRuns.at());
    assertNothingAcceptedAfter(first, secondRuns.at());
    Awaitility.await()
        .atMost(PATIENCE)
        .until(() -> childLog("cut").contains("is no longer held by this node"));
    assertUnchanged(first, lost);
  }

  /**
   * A URL whose sessions PostgreSQL ends when they sit in a transaction for a second: a node paused
   * in the middle of one would otherwise hold its row locks, and no survivor could expire it. The
   * store's README asks for this setting below the lease.
   */
  private static String withIdleTransactionTimeout(String url) {
    return url
        + (url.contains("?") ? "&" : "?")
        + "options=-c%20idle_in_transaction_session_timeout%3D1000";
  }

  private void startSurvivor() {
    survivor =
        new Node(
            "survivor",
            database,
            b -> b,
            b ->
                b.heartbeatInterval(HEARTBEAT)
                    .lease(LEASE)
                    .worker(
                        TestProvider.of(
                                FLIGHT,
                                p ->
                                    c -> {
                                      survivorRuns.add(
                                          new Event("RUNNING", c.id(), System.currentTimeMillis()));
                                      release.await();
                                      return OperationResult.none();
                                    })
                            .scope(Scope.GLOBAL)));
  }

  private OperationSnapshot awaitFinal(OperationId id) {
    OperationSnapshot lost =
        Awaitility.await()
            .atMost(PATIENCE)
            .pollInterval(Duration.ofMillis(50))
            .until(() -> survivor.engine.status(id), s -> !s.active());
    assertThat(lost.state()).isEqualTo(OperationState.FAILED);
    assertThat(lost.error()).isEqualTo(NODE_LOST);
    return lost;
  }

  private Event awaitSurvivorRun(OperationId id) {
    return Awaitility.await()
        .atMost(PATIENCE)
        .until(
            () -> survivorRuns.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null),
            e -> e != null);
  }

  private Event awaitStale(String what) {
    return Awaitility.await()
        .atMost(PATIENCE)
        .until(
            () -> stale.stream().filter(e -> e.what().equals(what)).findFirst().orElse(null),
            e -> e != null);
  }

  /** No write of the stale node reached the store once the next run had started. */
  private void assertNothingAcceptedAfter(OperationId id, long nextRunAt) {
    assertThat(stale)
        .filteredOn(e -> e.what().equals("ACCEPTED") && e.id().equals(id))
        .allSatisfy(e -> assertThat(e.at()).isLessThan(nextRunAt));
  }

  /** The stale node wrote nothing over the survivor's verdict, even after it could again. */
  private void assertUnchanged(OperationId id, OperationSnapshot lost) {
    survivor.store.tick(java.time.Instant.now());
    OperationSnapshot now = survivor.engine.status(id);
    assertThat(now.state()).isEqualTo(OperationState.FAILED);
    assertThat(now.error()).isEqualTo(NODE_LOST);
    assertThat(now.updatedAt()).isEqualTo(lost.updatedAt());
  }

  private void signal(String signal) throws Exception {
    Process kill =
        new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  private String childLog(String nodeId) throws IOException {
    return Files.readString(Path.of("target", "fencing-" + nodeId + ".log"));
  }

  /** Starts the stale node and waits until its worker runs; returns the operation's id. */
  private OperationId startChild(String nodeId, String jdbcUrl) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            FencingChild.class.getName(),
            jdbcUrl,
            database.prefix,
            nodeId,
            Long.toString(HEARTBEAT.toMillis()),
            Long.toString(LEASE.toMillis()),
            Long.toString(GRACE.toMillis()));
    builder.redirectError(new File("target/fencing-" + nodeId + ".log"));
    child = builder.start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  stale.add(Event.parse(line));
                }
              } catch (IOException e) {
                // The child ended.
              }
            },
            "child-events");
    reader.setDaemon(true);
    reader.start();
    return awaitStale("RUNNING").id();
  }
}
