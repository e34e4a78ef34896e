package io.github.asyncops.example;

import io.github.asyncops.core.OperationType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.HttpStatus;

/**
 * Serves the demo's one page, rendered once per language from {@code page/index.html} with the
 * texts of that language and the widget's version, in the language the browser prefers ({@code
 * Accept-Language}), else in the server's default ({@code --lang}). The seed's windows (the missile
 * launch, then the CSV export) are on it when the engine has their types; {@code app.js} adds a
 * window for every other type it finds. Answers 404 for any other path it is asked for.
 */
final class PageHandler extends HttpHandler {
  /** The types that have a window of their own in {@code page/}, in page order. */
  private static final List<String> SEED_WINDOWS = List.of("missile-launch", "csv-export");

  private final Map<Language, byte[]> pages = new EnumMap<>(Language.class);
  private final Language fallback;

  PageHandler(Language fallback, List<OperationType> types) {
    this.fallback = fallback;
    for (Language language : Language.values()) {
      pages.put(language, page(language, types));
    }
  }

  private static byte[] page(Language language, List<OperationType> types) {
    Properties values = language.texts();
    values.putAll(properties("demo.properties"));
    values.setProperty("lang", language.code());
    Set<String> present = types.stream().map(OperationType::name).collect(Collectors.toSet());
    StringBuilder windows = new StringBuilder();
    for (String type : SEED_WINDOWS) {
      if (present.contains(type)) {
        windows.append(text("page/" + type + ".html"));
      }
    }
    String html = text("page/index.html").replace("{{windows}}", windows);
    for (String key : values.stringPropertyNames()) {
      html = html.replace("{{" + key + "}}", values.getProperty(key));
    }
    if (html.contains("{{")) {
      throw new IllegalStateException("page/index.html has an unknown placeholder");
    }
    return html.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void service(Request request, Response response) throws IOException {
    String path = request.getRequestURI();
    if (!path.equals("/") && !path.equals("/index.html")) {
      response.sendError(HttpStatus.NOT_FOUND_404.getStatusCode());
      return;
    }
    Language language = Language.forBrowser(request.getHeader("Accept-Language"), fallback);
    byte[] page = pages.get(language);
    response.setContentType("text/html; charset=utf-8");
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("Content-Language", language.code());
    response.setHeader("Vary", "Accept-Language");
    response.setContentLength(page.length);
    response.getOutputStream().write(page);
  }

  static Properties properties(String resource) {
    Properties properties = new Properties();
    try (InputStream in = open(resource)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String resource) {
    try (InputStream in = open(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = PageHandler.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing resource " + resource);
    }
    return in;
  }
}
