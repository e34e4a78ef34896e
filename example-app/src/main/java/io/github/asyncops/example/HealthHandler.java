package io.github.asyncops.example;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.asyncops.core.EngineHealth;
import io.github.asyncops.core.OperationEngine;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.HttpStatus;

/**
 * Serves the engine's health at {@code /health} as JSON: 200 with {@code "status": "UP"} when
 * {@link EngineHealth#healthy()}, else 503 with {@code "DOWN"}, and the details either way, in the
 * shape of Spring Boot Actuator's health so the same probes and dashboards read both.
 */
final class HealthHandler extends HttpHandler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final OperationEngine engine;

  HealthHandler(OperationEngine engine) {
    this.engine = engine;
  }

  @Override
  public void service(Request request, Response response) throws IOException {
    if (request.getMethod() != Method.GET) {
      response.setHeader("Allow", "GET");
      response.sendError(HttpStatus.METHOD_NOT_ALLOWED_405.getStatusCode());
      return;
    }
    EngineHealth health = engine.health();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", health.healthy() ? "UP" : "DOWN");
    body.put("details", health.details());
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.setStatus(health.healthy() ? 200 : 503);
    response.setContentType("application/json");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
