package io.github.asyncops.example;

import io.github.asyncops.micrometer.AsyncOpsMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.HttpStatus;

/**
 * Serves the demo's metrics in the Prometheus text format at {@code /metrics}: the engine's meters
 * ({@link AsyncOpsMetrics}) and the JVM's memory and threads.
 */
final class MetricsHandler extends HttpHandler {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  /** The engine's meters, to wire into its builder and bind once it is built. */
  final AsyncOpsMetrics engineMetrics = new AsyncOpsMetrics(registry);

  MetricsHandler() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
  }

  @Override
  public void service(Request request, Response response) throws IOException {
    if (request.getMethod() != Method.GET) {
      response.setHeader("Allow", "GET");
      response.sendError(HttpStatus.METHOD_NOT_ALLOWED_405.getStatusCode());
      return;
    }
    byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
    response.setContentType(PROMETHEUS_TEXT);
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
