package io.github.asyncops.compat.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.grizzly.GrizzlyProblems;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.junit.jupiter.api.Test;

/**
 * asyncops-grizzly as a named module: its problems render on the module path (Jackson needs no
 * access to its internals). Its exports are {@link ModulePathTest}'s.
 */
final class GrizzlyModuleTest {

  @Test
  void a_malformed_uri_and_an_unmapped_path_get_problems_on_the_module_path() throws IOException {
    HttpServer server = new HttpServer();
    server.addListener(new NetworkListener("grizzly", "localhost", 0));
    GrizzlyProblems.install(server);
    server.start();
    try {
      int port = server.getListener("grizzly").getPort();

      assertThat(send(port, "/a%zz")).startsWith("HTTP/1.1 400").contains("\"status\":400");
      assertThat(send(port, "/nothing"))
          .startsWith("HTTP/1.1 404")
          .contains("Content-Type: application/problem+json", "\"status\":404");
    } finally {
      server.shutdownNow();
    }
  }

  private static String send(int port, String target) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + target + " HTTP/1.0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
