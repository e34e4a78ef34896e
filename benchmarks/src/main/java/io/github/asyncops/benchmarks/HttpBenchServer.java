package io.github.asyncops.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Serves the HTTP benchmark's targets until killed, for {@code benchmarks/http-bench.sh}: starts a
 * {@code steady} operation, sizes the constant baseline to its status, and writes the URLs and the
 * status's ETag as shell assignments to a file or named pipe, once the server answers.
 */
public final class HttpBenchServer {
  private HttpBenchServer() {}

  /**
   * Runs the server.
   *
   * @param args the port, and the file or named pipe to write the targets to
   * @throws Exception if the server cannot start
   */
  public static void main(String[] args) throws Exception {
    BenchServer server = new BenchServer(Integer.parseInt(args[0]));
    String status = server.start("steady");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(status)).build(),
                HttpResponse.BodyHandlers.ofString());
    String body = response.body();
    BenchServer.constant = "{\"pad\":\"" + "x".repeat(body.length() - 10) + "\"}";
    String etag = response.headers().firstValue("ETag").orElseThrow();
    String base = "http://127.0.0.1:" + server.port() + "/api/";
    Files.write(
        Path.of(args[1]),
        List.of(
            "STATUS_URL='" + status + "'",
            "CONSTANT_URL='" + base + "constant'",
            "CONTEXT_URL='" + base + "context-constant'",
            "PARAMETER_URL='" + base + "parameter-constant'",
            "ETAG='" + etag + "'",
            "STATUS_BYTES=" + body.length()));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    Thread.currentThread().join();
  }
}
