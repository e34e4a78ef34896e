package io.github.asyncops.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationListener;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.testing.TestProvider;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A node in its own JVM for {@link FencingPostgresIT}: it starts one GLOBAL flight whose worker
 * reports progress every 20 ms until it is asked to stop, and prints every event with the wall
 * clock: {@code RUNNING}, {@code ACCEPTED} (a progress write the store took, stamped with the time
 * the write was made, which a pause between the write and its listener does not move), {@code
 * STOPPED} (the worker saw the stop request) and {@code INTERRUPTED}. The test pauses it with
 * SIGSTOP, or cuts its database connection, and reads the events.
 */
public final class FencingChild {
  private FencingChild() {}

  /**
   * Runs the node.
   *
   * @param args the JDBC URL, the table prefix, the node id, and the heartbeat, lease and stop
   *     grace in ms
   * @throws InterruptedException never in practice: the process is killed while waiting
   */
  public static void main(String[] args) throws InterruptedException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(args[0]);
    config.setUsername(PostgresDatabase.USER);
    config.setPassword(PostgresDatabase.PASSWORD);
    config.setMaximumPoolSize(4);
    config.setConnectionTimeout(2_000);
    config.setInitializationFailTimeout(30_000);
    HikariDataSource pool = new HikariDataSource(config);
    JdbcOperationStore store =
        JdbcOperationStore.builder(pool)
            .dialect(JdbcDialect.postgresql())
            .tablePrefix(args[1])
            .progressInterval(Duration.ZERO)
            .retry(RetryPolicy.none())
            .build();
    CountDownLatch forever = new CountDownLatch(1);
    OperationEngine engine =
        OperationEngine.builder()
            .discover(false)
            .nodeId(args[2])
            .store(store)
            .heartbeatInterval(Duration.ofMillis(Long.parseLong(args[3])))
            .lease(Duration.ofMillis(Long.parseLong(args[4])))
            .stopGrace(Duration.ofMillis(Long.parseLong(args[5])))
            .listener(
                new OperationListener() {
                  @Override
                  public void progressed(OperationSnapshot snapshot) {
                    event("ACCEPTED", snapshot.id(), snapshot.updatedAt().toEpochMilli());
                  }
                })
            .worker(
                TestProvider.of(
                        FencingPostgresIT.FLIGHT,
                        p ->
                            c -> {
                              event("RUNNING", c.id());
                              int step = 0;
                              try {
                                while (!c.stopRequested()) {
                                  c.progress(0.5, "step " + ++step);
                                  forever.await(20, TimeUnit.MILLISECONDS);
                                }
                                event("STOPPED", c.id());
                              } catch (InterruptedException e) {
                                event("INTERRUPTED", c.id());
                                throw e;
                              }
                              return OperationResult.none();
                            })
                    .scope(Scope.GLOBAL))
            .build();
    engine.start(StartRequest.of(FencingPostgresIT.FLIGHT));
    forever.await();
  }

  private static void event(String what, OperationId id) {
    event(what, id, System.currentTimeMillis());
  }

  private static synchronized void event(String what, OperationId id, long at) {
    System.out.println(what + " " + id + " " + at);
    System.out.flush();
  }
}
