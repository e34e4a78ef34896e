package io.github.asyncops.compat.resteasy;

import io.github.asyncops.core.OperationEngine;
import io.undertow.Undertow;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;

/** Serves the operations at {@code http://localhost:PORT/api/operations} until it is killed. */
public final class Main {
  private Main() {}

  /**
   * Starts the server, as the adapter README shows, with the test-only admin of the contract.
   *
   * @param args the port
   */
  public static void main(String[] args) {
    OperationEngine engine = OperationEngine.builder().build();
    UndertowJaxrsServer server = new UndertowJaxrsServer();
    server.deploy(new WithFixtureAdmin(new RestApi(engine)), "/");
    server.start(Undertow.builder().addHttpListener(Integer.parseInt(args[0]), "localhost"));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  engine.close();
                }));
  }
}
