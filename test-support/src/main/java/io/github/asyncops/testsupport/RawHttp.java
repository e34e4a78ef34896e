package io.github.asyncops.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends requests exactly as given, which no HTTP client does for malformed URIs, over a socket as
 * HTTP/1.0, so the server answers with a {@code Content-Length} or ends the body by closing.
 */
public final class RawHttp {
  /**
   * Long enough for any answer of a healthy server: a start with {@code Prefer: wait} may be held
   * for the adapter's longest wait (30 s by default) before it answers.
   */
  private static final int TIMEOUT_MILLIS = 45_000;

  private final int port;

  /**
   * Talks to a server.
   *
   * @param port the server's port on localhost
   */
  public RawHttp(int port) {
    this.port = port;
  }

  /**
   * An answer.
   *
   * @param status the status code
   * @param headers the headers, names in lower case
   * @param body the body
   */
  public record Answer(int status, Map<String, String> headers, String body) {
    /**
     * One header.
     *
     * @param name its name, in any case
     * @return its value, or null
     */
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Sends a request.
   *
   * @param method the method, sent as is
   * @param target the request target, sent as is
   * @param headers header lines without line ends, such as {@code "Accept: x"}
   * @param body the body, or null
   * @return the answer
   */
  public Answer send(String method, String target, Iterable<String> headers, byte[] body) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(target).append(" HTTP/1.0\r\n");
      head.append("Host: localhost:").append(port).append("\r\n");
      for (String header : headers) {
        head.append(header).append("\r\n");
      }
      if (body != null) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      InputStream in = socket.getInputStream();
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + target, e);
    }
  }

  private static Answer parse(String response) {
    int end = response.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new AssertionError("no complete answer: '" + response + "'");
    }
    String[] lines = response.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      String[] nameValue = lines[i].split(":", 2);
      headers.put(nameValue[0].trim().toLowerCase(Locale.ROOT), nameValue[1].trim());
    }
    return new Answer(status, headers, response.substring(end + 4));
  }
}
