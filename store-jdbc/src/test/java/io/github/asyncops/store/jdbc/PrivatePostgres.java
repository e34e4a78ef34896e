package io.github.asyncops.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster of its own, in a temporary directory on a free port, that a test
 * may stop and start under running nodes without disturbing the shared cluster on port 5432 that
 * other builds use. Made with {@code initdb} as the {@code postgres} user (the tests run as root,
 * which PostgreSQL refuses), with trust authentication on 127.0.0.1 only; {@link #close()} stops it
 * and deletes the directory.
 */
final class PrivatePostgres implements AutoCloseable {
  private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

  private final Path dir;
  private final Path data;
  final int port;

  private PrivatePostgres(Path dir, int port) {
    this.dir = dir;
    this.data = dir.resolve("data");
    this.port = port;
  }

  /** Creates the cluster and starts it. */
  static PrivatePostgres start() throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("asyncops-pg-");
    run("chown", "postgres:postgres", dir.toString());
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    PrivatePostgres pg = new PrivatePostgres(dir, port);
    asPostgres(
        BIN.resolve("initdb").toString(),
        "-D",
        pg.data.toString(),
        "-U",
        "postgres",
        "--auth=trust",
        "--no-sync");
    pg.up();
    return pg;
  }

  /** A pool on the cluster with HikariCP's defaults (a 30 s connection timeout). */
  HikariDataSource pool(String name) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/postgres");
    config.setUsername("postgres");
    config.setMaximumPoolSize(8);
    config.setPoolName(name);
    return new HikariDataSource(config);
  }

  /** Starts the server and waits until it accepts connections. */
  void up() throws IOException, InterruptedException {
    asPostgres(
        BIN.resolve("pg_ctl").toString(),
        "-D",
        data.toString(),
        "-l",
        dir.resolve("server.log").toString(),
        "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
        "-w",
        "start");
  }

  /** Stops the server at once, as a crash does: connections are cut, nothing is flushed. */
  void down() throws IOException, InterruptedException {
    asPostgres(
        BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
  }

  @Override
  public void close() throws IOException {
    try {
      if (Files.exists(data.resolve("postmaster.pid"))) {
        down();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private static void asPostgres(String... command) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
    all.addAll(List.of(command));
    run(all.toArray(String[]::new));
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Path output = Files.createTempFile("asyncops-pg-", ".out");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("timed out: " + String.join(" ", command));
      }
      if (process.exitValue() != 0) {
        throw new IOException(
            String.join(" ", command)
                + " exited with "
                + process.exitValue()
                + ": "
                + Files.readString(output));
      }
    } finally {
      Files.delete(output);
    }
  }
}
