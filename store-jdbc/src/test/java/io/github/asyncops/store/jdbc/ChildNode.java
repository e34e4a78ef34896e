package io.github.asyncops.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.testing.TestProvider;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A node in its own JVM, for tests that kill it: it starts one "flight" on the shared PostgreSQL,
 * prints {@code RUNNING <id>} once its worker runs, and then waits to be killed. The worker ends
 * only when asked to stop. The flight type is restartable when the test says so, as every node of a
 * cluster declares the same types.
 */
public final class ChildNode {
  private ChildNode() {}

  /**
   * Runs the node.
   *
   * @param args the table prefix, the node id, the heartbeat interval and the lease in ms, and
   *     whether the flight type is restartable
   * @throws InterruptedException never in practice: the process is killed while waiting
   */
  public static void main(String[] args) throws InterruptedException {
    String prefix = args[0];
    String nodeId = args[1];
    Duration heartbeat = Duration.ofMillis(Long.parseLong(args[2]));
    Duration lease = Duration.ofMillis(Long.parseLong(args[3]));
    boolean restartable = Boolean.parseBoolean(args[4]);
    HikariDataSource pool = PostgresDatabase.pool(4);
    JdbcOperationStore store = JdbcOperationStore.builder(pool).tablePrefix(prefix).build();
    CountDownLatch forever = new CountDownLatch(1);
    OperationEngine engine =
        OperationEngine.builder()
            .discover(false)
            .nodeId(nodeId)
            .store(store)
            .heartbeatInterval(heartbeat)
            .lease(lease)
            .worker(
                TestProvider.of(
                        NodeLossPostgresIT.FLIGHT,
                        p ->
                            c -> {
                              System.out.println("RUNNING " + c.id());
                              System.out.flush();
                              while (!c.stopRequested()) {
                                forever.await(10, TimeUnit.MILLISECONDS);
                              }
                              return OperationResult.none();
                            })
                    .restartable(restartable))
            .build();
    OperationId id = engine.start(StartRequest.of(NodeLossPostgresIT.FLIGHT)).operation().id();
    System.err.println("started " + id + " on " + nodeId);
    forever.await();
  }
}
