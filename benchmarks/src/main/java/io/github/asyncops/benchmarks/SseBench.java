package io.github.asyncops.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Event streams at scale: one operation reports progress at 10 Hz while {@code N} clients (default
 * 1,000) follow its {@code /events} stream over HTTP/1.1 on loopback. Reports the process's CPU use
 * while idle and while streaming, the events received per second, and the latency from a progress
 * report to its arrival at a client (the report's {@link System#nanoTime()} travels in the status
 * text). Server and clients share this JVM and its 2 cores; the CPU of the JDK HttpClient's threads
 * is reported apart, and the rest is the server's.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.asyncops.benchmarks.SseBench [streams] [seconds]}.
 */
public final class SseBench {
  private static final Pattern TEXT = Pattern.compile("\"text\":\"(\\d+)\"");
  private static final int MAX_SAMPLES = 2_000_000;

  private SseBench() {}

  /**
   * Runs the measurement and prints the result.
   *
   * @param args the number of streams and the seconds to measure
   * @throws Exception if the server or a client fails
   */
  public static void main(String[] args) throws Exception {
    int streams = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    Duration window = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
    try (BenchServer server = new BenchServer(0)) {
      String events = server.start("ticker") + "/events";
      double idle = cpuDuring(window);

      long[] latencies = new long[MAX_SAMPLES];
      AtomicLong samples = new AtomicLong();
      LongAdder received = new LongAdder();
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      List<CompletableFuture<?>> open = new ArrayList<>();
      for (int i = 0; i < streams; i++) {
        open.add(
            client.sendAsync(
                HttpRequest.newBuilder(URI.create(events)).build(),
                HttpResponse.BodyHandlers.ofByteArrayConsumer(
                    new Chunks(latencies, samples, received))));
      }
      warmUp(received, streams * 10L * window.toSeconds() / 2);
      received.reset();
      samples.set(0);
      long clientCpu0 = clientCpuNanos();
      double streaming = cpuDuring(window);
      double clientShare =
          (clientCpuNanos() - clientCpu0)
              / (double) window.toNanos()
              / Runtime.getRuntime().availableProcessors();
      long events10s = received.sum();
      int n = (int) Math.min(samples.get(), MAX_SAMPLES);
      long[] sorted = Arrays.copyOf(latencies, n);
      Arrays.sort(sorted);
      System.out.printf(
          "streams: %d, progress at 10 Hz, %d s measured%n"
              + "CPU, idle server:      %5.1f%% of %d cores%n"
              + "CPU, streaming:        %5.1f%% of %d cores, of which the clients %.1f%%%n"
              + "events received:       %.0f/s (expected %d/s)%n"
              + "event latency p50:     %.1f ms%n"
              + "event latency p99:     %.1f ms%n",
          streams,
          window.toSeconds(),
          idle * 100,
          Runtime.getRuntime().availableProcessors(),
          streaming * 100,
          Runtime.getRuntime().availableProcessors(),
          clientShare * 100,
          events10s / (double) window.toSeconds(),
          streams * 10,
          percentile(sorted, 0.50) / 1e6,
          percentile(sorted, 0.99) / 1e6);
      open.forEach(f -> f.cancel(true));
    }
  }

  /** Waits, up to a minute, until the streams together have received this many events. */
  private static void warmUp(LongAdder received, long events) throws TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (received.sum() < events) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException(
            "the streams received " + received.sum() + " events in a minute");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }

  /**
   * The share of all cores this process used over a window of wall time. The window is the
   * measurement itself, so it is waited out rather than awaited.
   */
  private static double cpuDuring(Duration window) throws InterruptedException {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long wall0 = System.nanoTime();
    Thread.sleep(window.toMillis());
    long cpu = os.getProcessCpuTime() - cpu0;
    long wall = System.nanoTime() - wall0;
    return cpu / (double) wall / Runtime.getRuntime().availableProcessors();
  }

  /** CPU time of the JDK HttpClient's threads, which are the clients' side. */
  private static long clientCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("HttpClient")) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }

  private static long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))];
  }

  /**
   * Reads one stream's bytes and times each status event by the nanoTime in its text. Decodes as
   * ISO-8859-1, which is cheap and keeps the ASCII digits intact; an event split across two chunks
   * is not timed, which only thins the sample.
   */
  private static final class Chunks implements Consumer<Optional<byte[]>> {
    private final long[] latencies;
    private final AtomicLong samples;
    private final LongAdder received;

    Chunks(long[] latencies, AtomicLong samples, LongAdder received) {
      this.latencies = latencies;
      this.samples = samples;
      this.received = received;
    }

    @Override
    public void accept(Optional<byte[]> chunk) {
      if (chunk.isEmpty()) {
        return;
      }
      long now = System.nanoTime();
      Matcher m = TEXT.matcher(new String(chunk.get(), StandardCharsets.ISO_8859_1));
      while (m.find()) {
        received.increment();
        long i = samples.getAndIncrement();
        if (i < latencies.length) {
          latencies[(int) i] = now - Long.parseLong(m.group(1));
        }
      }
    }
  }
}
