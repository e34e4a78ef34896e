package io.github.asyncops.example;

import io.github.asyncops.core.WorkerDiscoveryException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Starts the missile-launch demo and serves it until Ctrl-C, which shuts it down gracefully. */
public final class DemoApp {
  private DemoApp() {}

  /**
   * Runs the demo.
   *
   * @param args see {@link DemoOptions#USAGE}
   * @throws InterruptedException if the main thread is interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    DemoOptions options;
    try {
      options = DemoOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(DemoOptions.USAGE);
      System.exit(2);
      return;
    }
    DemoServer server;
    try {
      server = DemoServer.start(options);
    } catch (UncheckedIOException e) {
      System.err.println(
          "asyncops demo: " + e.getMessage() + " (" + e.getCause().getMessage() + ")");
      System.exit(1);
      return;
    } catch (WorkerDiscoveryException e) {
      System.err.println("asyncops demo: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("asyncops demo: shutting down");
                  server.close();
                  stopped.countDown();
                },
                "asyncops-demo-shutdown"));
    System.out.println(
        "asyncops demo running at http://localhost:" + server.port() + "/  (Ctrl-C to stop)");
    String password = server.generatedAdminPassword();
    System.out.println(
        "operator console at http://localhost:"
            + server.port()
            + "/admin"
            + (password == null
                ? " (password from --admin-password)"
                : ", password for this run: " + password));
    stopped.await();
  }
}
