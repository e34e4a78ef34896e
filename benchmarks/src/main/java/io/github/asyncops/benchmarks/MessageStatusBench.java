package io.github.asyncops.benchmarks;

import io.github.asyncops.core.Message;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerContext;
import io.github.asyncops.core.spi.WorkerProvider;
import io.github.asyncops.jaxrs.AsyncOpsFeature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The status GET of an operation whose text is a message (issue 25) against one whose text is
 * plain, over HTTP on one Grizzly server: the same flight at 40 %, read in English; and the message
 * read alternately in Russian and English, so that each request wants the other language. Goal: a
 * message costs within 10 % of a plain text. Short runs: {@code java -jar benchmarks.jar
 * MessageStatusBench}.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MessageStatusBench {
  private final CountDownLatch end = new CountDownLatch(1);
  private final HttpClient client = HttpClient.newHttpClient();
  private OperationEngine engine;
  private HttpServer server;
  private HttpRequest plainEn;
  private HttpRequest messageEn;
  private HttpRequest messageRu;
  private boolean russian;

  /** Starts the server and one flight of each kind, both at 40 %. */
  @Setup
  public void setUp() throws IOException {
    engine =
        OperationEngine.builder()
            .discover(false)
            .locale(Locale.forLanguageTag("ru"))
            .worker(flight("plain", null, c -> c.progress(0.4, "Flight 40% complete")))
            .worker(
                flight(
                    "spoken",
                    "io.github.asyncops.benchmarks.BenchMessages",
                    c -> c.report(0.4, Message.of("flight.progress").with("percent", 40))))
            .build();
    AsyncOpsFeature asyncOps = AsyncOpsFeature.builder(engine).build();
    ResourceConfig config =
        new ResourceConfig()
            .register(asyncOps)
            .register(asyncOps.resourceClass())
            .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    server =
        GrizzlyHttpServerFactory.createHttpServer(
            URI.create("http://127.0.0.1:0/api/"), config, false);
    server.start();
    plainEn = request("plain", "en");
    messageEn = request("spoken", "en");
    messageRu = request("spoken", "ru");
  }

  /** Stops the flights, the server and the engine. */
  @TearDown
  public void tearDown() {
    end.countDown();
    server.shutdownNow();
    engine.close();
  }

  /** A plain text, read in English. */
  @Benchmark
  public String plainText() throws Exception {
    return get(plainEn);
  }

  /** A message, read in English. */
  @Benchmark
  public String message() throws Exception {
    return get(messageEn);
  }

  /** A message, read in Russian and English by turns. */
  @Benchmark
  public String messageTwoLanguages() throws Exception {
    russian = !russian;
    return get(russian ? messageRu : messageEn);
  }

  private String get(HttpRequest request) throws Exception {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("status " + response.statusCode());
    }
    return response.body();
  }

  private HttpRequest request(String type, String language) {
    String id = engine.start(StartRequest.of(type)).operation().id().value();
    int port = server.getListeners().iterator().next().getPort();
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/operations/" + type + "/" + id))
        .header("Accept-Language", language)
        .header("Accept", "application/json")
        .build();
  }

  private WorkerProvider<Void> flight(String name, String bundle, Consumer<WorkerContext> report) {
    return new WorkerProvider<>() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String messages() {
        return bundle;
      }

      @Override
      public Scope scope() {
        return Scope.GLOBAL;
      }

      @Override
      public Worker create(Void parameters) {
        return c -> {
          report.accept(c);
          end.await();
          return OperationResult.none();
        };
      }
    };
  }
}
