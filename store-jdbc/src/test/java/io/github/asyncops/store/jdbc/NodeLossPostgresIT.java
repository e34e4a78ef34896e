package io.github.asyncops.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.testing.TestProvider;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node killed with SIGKILL in the middle of an operation: a {@link ChildNode} in its own JVM
 * claims and runs it, the test kills the process, and a surviving node in this JVM fails the
 * operation as "node lost", or queues it again and runs it when the type is restartable. The lease
 * is 6 s and heartbeats come every second, so a survivor acts within about 7 s, and a child JVM
 * that stalls for a few seconds on a loaded machine is not taken for dead before the kill.
 */
final class NodeLossPostgresIT {
  static final String FLIGHT = "flight";
  private static final Duration HEARTBEAT = Duration.ofSeconds(1);
  private static final Duration LEASE = Duration.ofSeconds(6);
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final String NODE_LOST = "the server running the operation was lost";
  @RegisterExtension static final PostgresDatabase database = new PostgresDatabase();

  private final List<Process> children = new ArrayList<>();
  private final List<Node> survivors = new ArrayList<>();

  @BeforeEach
  void emptyTables() throws Exception {
    database.empty();
  }

  @AfterEach
  void stopEverything() {
    children.forEach(Process::destroyForcibly);
    survivors.forEach(Node::close);
  }

  @Test
  void a_killed_nodes_operation_fails_as_node_lost_within_the_lease() throws Exception {
    OperationId id = startChildRunningAFlight("doomed", false);
    Node survivor = survivor(false);
    assertThat(survivor.engine.status(id).state()).isEqualTo(OperationState.RUNNING);

    children.get(0).destroyForcibly().waitFor();

    OperationSnapshot lost = awaitFinal(survivor.engine, id);
    assertThat(lost.state()).isEqualTo(OperationState.FAILED);
    assertThat(lost.error()).isEqualTo(NODE_LOST);
  }

  @Test
  void a_killed_nodes_restartable_operation_is_queued_again_and_runs_on_a_survivor()
      throws Exception {
    OperationId id = startChildRunningAFlight("doomed", true);
    Node survivor = survivor(true);

    children.get(0).destroyForcibly().waitFor();

    OperationSnapshot done = awaitFinal(survivor.engine, id);
    assertThat(done.state()).isEqualTo(OperationState.SUCCEEDED);
    assertThat(done.error()).isNull();
  }

  /** A node in this JVM that runs flights, restartable or not, as the killed node declared them. */
  private Node survivor(boolean restartable) {
    Node node =
        new Node(
            "survivor",
            database,
            b -> b,
            b ->
                b.heartbeatInterval(HEARTBEAT)
                    .lease(LEASE)
                    .worker(
                        TestProvider.of(FLIGHT, p -> c -> OperationResult.none())
                            .restartable(restartable)));
    survivors.add(node);
    return node;
  }

  private static OperationSnapshot awaitFinal(OperationEngine engine, OperationId id) {
    return Awaitility.await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> engine.status(id), s -> !s.active());
  }

  /** Starts a child node and waits until its worker runs; returns the operation's id. */
  private OperationId startChildRunningAFlight(String nodeId, boolean restartable)
      throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "-Djava.util.logging.config.file="
                + System.getProperty("java.util.logging.config.file"),
            "-Dasyncops.jdbc.url=" + PostgresDatabase.URL,
            "-Dasyncops.jdbc.user=" + PostgresDatabase.USER,
            "-Dasyncops.jdbc.password=" + PostgresDatabase.PASSWORD,
            ChildNode.class.getName(),
            database.prefix,
            nodeId,
            Long.toString(HEARTBEAT.toMillis()),
            Long.toString(LEASE.toMillis()),
            Boolean.toString(restartable));
    builder.redirectError(new File("target/child-" + nodeId + ".log"));
    Process child = builder.start();
    children.add(child);
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                lines.add("EOF " + e);
              }
            },
            "child-output");
    reader.setDaemon(true);
    reader.start();
    String line = lines.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertThat(line)
        .as("the child's first line (see target/child-%s.log)", nodeId)
        .startsWith("RUNNING ");
    return OperationId.of(line.substring("RUNNING ".length()));
  }
}
