package io.github.asyncops.jaxrs;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.TestProperties;
import org.glassfish.jersey.test.grizzly.GrizzlyTestContainerFactory;
import org.glassfish.jersey.test.spi.TestContainerFactory;
import org.junit.jupiter.api.AfterEach;

/**
 * The base of the tests that run the application on a Grizzly server on a free port through {@link
 * JerseyTest}, with request helpers that send what the widget sends. Not Jersey's in-memory
 * container: it cannot suspend a response, which every start does.
 */
abstract class GrizzlyTest extends JerseyTest {
  static final String JSON = "application/json";

  /** The client id of the browser that every {@link #call} comes from. */
  static final String BROWSER = "browser-one-0123456789";

  /** The cookie that holds it. */
  static final String COOKIE = "asyncops-client";

  final Harness harness;

  GrizzlyTest() {
    this(new Harness());
  }

  GrizzlyTest(Harness harness, Object... components) {
    super(harness.application(components));
    this.harness = harness;
    forceSet(TestProperties.CONTAINER_PORT, "0");
  }

  @Override
  protected TestContainerFactory getTestContainerFactory() {
    return new GrizzlyTestContainerFactory();
  }

  @AfterEach
  void closeEngine() {
    harness.close();
  }

  /**
   * A request to a path (with an optional query) under the application, as the widget in one
   * browser sends it: with that browser's client cookie.
   */
  Invocation.Builder call(String pathAndQuery) {
    return resource(pathAndQuery)
        .request(JSON)
        .header("X-Requested-With", "asyncops")
        .cookie(COOKIE, BROWSER);
  }

  /** The target of a path with an optional query, such as {@code operations/keyed?key=a}. */
  WebTarget resource(String pathAndQuery) {
    String[] parts = pathAndQuery.split("\\?", 2);
    WebTarget target = target(parts[0]);
    if (parts.length == 2) {
      for (String pair : parts[1].split("&")) {
        String[] nameValue = pair.split("=", 2);
        target = target.queryParam(nameValue[0], nameValue.length == 2 ? nameValue[1] : "");
      }
    }
    return target;
  }

  /** {@code POST} with a JSON body. */
  Response post(String path, String json) {
    return call(path).post(Entity.entity(json, JSON));
  }

  /** Starts an operation without parameters and returns its status. */
  JsonNode start(String type) {
    Response response = post("operations/" + type, "{}");
    if (response.getStatus() != 202 && response.getStatus() != 200) {
      throw new AssertionError(response.getStatus() + " " + response.readEntity(String.class));
    }
    return Http.json(response);
  }
}
