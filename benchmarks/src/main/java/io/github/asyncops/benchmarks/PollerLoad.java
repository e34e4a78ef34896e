package io.github.asyncops.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many browsers polling the demo, for {@code benchmarks/load-test.sh}: each poller has its own
 * client cookie and polls once a second, as the widget does. All of them follow the one missile
 * flight; a share sends {@code If-None-Match} with the last ETag it saw (and mostly gets 304); a
 * smaller share starts its own CSV export, follows it to the end and starts the next one. Prints
 * the number of requests, the errors (anything but 200, 202 and 304, or no answer), and the
 * latency's median, 99th percentile and maximum.
 *
 * <p>Arguments: the demo's base URL, the number of pollers, the run time in seconds.
 */
public final class PollerLoad {
  /** The share of pollers that send {@code If-None-Match}. */
  private static final double ETAG_SHARE = 0.3;

  /** The share of pollers that run exports of their own. */
  private static final double EXPORT_SHARE = 0.05;

  /** The first part of the run, reported apart: the server's JIT compiles its request path. */
  private static final long WARM_UP_NANOS = TimeUnit.SECONDS.toNanos(30);

  /** The rows of each export: about 2 seconds of work in the demo. */
  private static final String EXPORT = "{\"rows\": 1000}";

  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final long start = System.nanoTime();
  private final List<Long> latencies = new ArrayList<>();
  private final List<Long> warm = new ArrayList<>();
  private final AtomicLong errors = new AtomicLong();
  private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();

  private PollerLoad(URI base) {
    this.base = base;
  }

  /**
   * Runs the load.
   *
   * @param args the demo's base URL, the number of pollers, the run time in seconds
   * @throws Exception if the flight cannot be started
   */
  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    int pollers = Integer.parseInt(args[1]);
    long seconds = Long.parseLong(args[2]);
    new PollerLoad(base).run(pollers, seconds);
  }

  private void run(int count, long seconds) throws Exception {
    HttpResponse<String> flight =
        client.send(
            post("api/operations/missile-launch", "{}", null),
            HttpResponse.BodyHandlers.ofString());
    URI flightStatus = base.resolve(flight.headers().firstValue("Location").orElseThrow());
    ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    List<Poller> pollers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Poller poller =
          new Poller(flightStatus, i < count * ETAG_SHARE, i % Math.round(1 / EXPORT_SHARE) == 0);
      pollers.add(poller);
      // Spread the first polls over the first second, as browsers opening the page would be.
      timer.scheduleAtFixedRate(poller::poll, i * 1000L / count, 1000, TimeUnit.MILLISECONDS);
    }
    // The run ends when the timer shuts down, which cancels the pollers' periodic polls.
    timer.schedule(timer::shutdown, seconds, TimeUnit.SECONDS);
    if (!timer.awaitTermination(seconds + 60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the pollers did not stop within a minute of the run's end");
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    report(elapsed);
  }

  private HttpRequest post(String path, String json, String cookie) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return request.build();
  }

  /** One browser: its cookie, what it follows, and the last ETag it saw. */
  private final class Poller {
    private final URI flight;
    private final boolean conditional;
    private final boolean exporter;
    private volatile String cookie;
    private volatile String etag;
    private volatile URI export;
    private volatile boolean busy;

    Poller(URI flight, boolean conditional, boolean exporter) {
      this.flight = flight;
      this.conditional = conditional;
      this.exporter = exporter;
    }

    void poll() {
      if (busy) {
        // The last poll has not come back: a browser would not send another either.
        return;
      }
      busy = true;
      HttpRequest request;
      if (exporter && export == null) {
        request = post("api/operations/csv-export", EXPORT, cookie);
      } else {
        HttpRequest.Builder get =
            HttpRequest.newBuilder(exporter ? export : flight).timeout(Duration.ofSeconds(30));
        if (cookie != null) {
          get.header("Cookie", cookie);
        }
        if (conditional && etag != null) {
          get.header("If-None-Match", etag);
        }
        request = get.build();
      }
      long sent = System.nanoTime();
      client
          .sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (response, failure) -> {
                record(sent, response == null ? 0 : response.statusCode());
                if (response != null) {
                  remember(response);
                }
                busy = false;
              });
    }

    private void remember(HttpResponse<String> response) {
      if (cookie == null) {
        response
            .headers()
            .firstValue("Set-Cookie")
            .ifPresent(header -> cookie = header.split(";", 2)[0]);
      }
      response.headers().firstValue("ETag").ifPresent(tag -> etag = tag);
      if (exporter) {
        if (export == null) {
          response.headers().firstValue("Location").ifPresent(l -> export = base.resolve(l));
        } else if (response.statusCode() == 200
            && !response.headers().map().containsKey("Retry-After")) {
          // Ended: the next poll starts the next export.
          export = null;
          etag = null;
        }
      }
    }
  }

  private void record(long sent, int status) {
    long now = System.nanoTime();
    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    if (status != 200 && status != 202 && status != 304) {
      errors.incrementAndGet();
    }
    synchronized (latencies) {
      latencies.add(now - sent);
      if (sent - start >= WARM_UP_NANOS) {
        warm.add(now - sent);
      }
    }
  }

  private void report(double seconds) {
    long[] sorted;
    long[] afterWarmUp;
    synchronized (latencies) {
      sorted = sorted(latencies);
      afterWarmUp = sorted(warm);
    }
    System.out.printf(
        "requests: %d in %.0f s (%.0f/s)%n", sorted.length, seconds, sorted.length / seconds);
    System.out.printf("errors: %d%n", errors.get());
    System.out.printf("statuses: %s%n", new TreeMap<>(statuses));
    latency("latency ms, whole run", sorted);
    latency("latency ms, after the first 30 s", afterWarmUp);
  }

  private static long[] sorted(List<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return sorted;
  }

  private static void latency(String label, long[] sorted) {
    System.out.printf(
        "%s: p50 %.1f, p99 %.1f, p99.9 %.1f, max %.1f (%d requests)%n",
        label,
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        percentile(sorted, 0.999),
        sorted[sorted.length - 1] / 1e6,
        sorted.length);
  }

  private static double percentile(long[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
  }
}
