package io.github.asyncops.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a stretch of a benchmark cost: WAL bytes and records from {@code pg_stat_wal}, the CPU time
 * of this JVM and of the other JVMs it names, and the CPU time of PostgreSQL's processes on this
 * machine, read from {@code /proc}: the live ones, and through the postmaster's children times,
 * those that ended meanwhile. PostgreSQL's figure counts the whole server, so it holds only while
 * nothing else uses it; WAL likewise.
 */
final class CostMeter {
  private static final long TICKS_PER_SECOND = 100;

  /** One reading of the counters. */
  record Reading(long walBytes, long walRecords, long jvmNanos, long postgresNanos) {}

  /** What a stretch cost per operation. */
  record PerOperation(double walBytes, double walRecords, double jvmMicros, double postgresMicros) {
    static final String HEADER = "WAL B/op  WAL rec/op  JVM CPU us/op  PG CPU us/op";

    String row() {
      return String.format(
          "%8.0f  %10.1f  %13.0f  %12.0f", walBytes, walRecords, jvmMicros, postgresMicros);
    }
  }

  private final String url;
  private final String user;
  private final String password;

  CostMeter(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** Reads the counters now; {@code otherJvmNanos} is the CPU of node JVMs read by the caller. */
  Reading read(long otherJvmNanos) throws SQLException {
    long bytes;
    long records;
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT wal_bytes, wal_records FROM pg_stat_wal")) {
      rs.next();
      bytes = rs.getLong(1);
      records = rs.getLong(2);
    }
    return new Reading(bytes, records, jvmCpuNanos() + otherJvmNanos, postgresCpuNanos());
  }

  /** What happened between two readings, per operation. */
  static PerOperation perOperation(Reading before, Reading after, int operations) {
    return new PerOperation(
        (after.walBytes() - before.walBytes()) / (double) operations,
        (after.walRecords() - before.walRecords()) / (double) operations,
        (after.jvmNanos() - before.jvmNanos()) / 1e3 / operations,
        (after.postgresNanos() - before.postgresNanos()) / 1e3 / operations);
  }

  /** This JVM's CPU time, all threads. */
  static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** A process's CPU time from {@code /proc/<pid>/stat}; 0 if it is gone. */
  static long processCpuNanos(long pid) {
    long[] t = stat(Path.of("/proc", Long.toString(pid), "stat"));
    return t == null ? 0 : ticksToNanos(t[0] + t[1]);
  }

  /**
   * The CPU time of every process named {@code postgres}, plus the children times of the one whose
   * parent is not {@code postgres} (the postmaster), which hold the backends that ended.
   */
  static long postgresCpuNanos() {
    long ticks = 0;
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path p : procs) {
        Path statFile = p.resolve("stat");
        String line = readQuietly(statFile);
        if (line == null || !line.contains("(postgres)")) {
          continue;
        }
        long[] t = stat(statFile);
        if (t == null) {
          continue;
        }
        ticks += t[0] + t[1];
        String parent = readQuietly(Path.of("/proc", Long.toString(t[4]), "stat"));
        if (parent == null || !parent.contains("(postgres)")) {
          ticks += t[2] + t[3];
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return ticksToNanos(ticks);
  }

  /** utime, stime, cutime, cstime and the parent's pid, or null if the process is gone. */
  private static long[] stat(Path statFile) {
    String line = readQuietly(statFile);
    if (line == null) {
      return null;
    }
    // Fields after the command, which may hold spaces: state is field 3, ppid 4, utime 14.
    String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
    return new long[] {
      Long.parseLong(f[11]),
      Long.parseLong(f[12]),
      Long.parseLong(f[13]),
      Long.parseLong(f[14]),
      Long.parseLong(f[1])
    };
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return null;
    }
  }

  private static long ticksToNanos(long ticks) {
    return ticks * (1_000_000_000L / TICKS_PER_SECOND);
  }
}
