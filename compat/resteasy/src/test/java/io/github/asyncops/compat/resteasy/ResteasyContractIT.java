package io.github.asyncops.compat.resteasy;

import io.github.asyncops.compat.AdapterContract;
import io.github.asyncops.core.OperationEngine;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.net.URI;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on RESTEasy 7 and Undertow, on a free port. */
final class ResteasyContractIT extends AdapterContract {
  private static OperationEngine engine;
  private static Server server;

  @BeforeAll
  static void start() {
    engine = OperationEngine.builder().build();
    server = new Server();
    // At "/": Undertow adds the application's @ApplicationPath itself.
    server.deploy(new RestApi(engine), "/");
    server.start(Undertow.builder().addHttpListener(0, "localhost"));
  }

  @AfterAll
  static void stop() {
    server.stop();
    engine.close();
  }

  @Override
  protected URI base() {
    return URI.create("http://localhost:" + server.port() + "/api/operations");
  }

  /** Tells the port the listener bound. */
  private static final class Server extends UndertowJaxrsServer {
    int port() {
      return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }
  }
}
