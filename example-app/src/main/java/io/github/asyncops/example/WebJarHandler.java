package io.github.asyncops.example;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Properties;
import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Serves the WebJars on the class path under {@code /webjars}, with or without the version in the
 * path: {@code /webjars/asyncops-widget/define.js} is the same file as {@code
 * /webjars/asyncops-widget/0.1.0/define.js}, as under Spring Boot. The version comes from the
 * {@code META-INF/resources/webjars-locator.properties} that a WebJar carries ({@code
 * asyncops-widget.version=0.1.0}), the file webjars-locator-lite reads; a path that already names
 * the version is served as it is.
 */
final class WebJarHandler extends CLStaticHttpHandler {
  private static final String LOCATOR = "META-INF/resources/webjars-locator.properties";

  private final Properties versions = new Properties();

  WebJarHandler(ClassLoader loader) {
    super(loader, "/META-INF/resources/webjars/");
    try {
      for (URL url : Collections.list(loader.getResources(LOCATOR))) {
        try (InputStream in = url.openStream()) {
          versions.load(in);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + LOCATOR, e);
    }
  }

  @Override
  protected boolean handle(String resourcePath, Request request, Response response)
      throws Exception {
    return super.handle(versioned(resourcePath), request, response);
  }

  /** The path with the WebJar's version inserted when it has none, or the path as it is. */
  String versioned(String resourcePath) {
    String path = resourcePath.startsWith("/") ? resourcePath.substring(1) : resourcePath;
    int slash = path.indexOf('/');
    if (slash <= 0) {
      return resourcePath;
    }
    String name = path.substring(0, slash);
    String version = versions.getProperty(name + ".version");
    if (version == null || path.startsWith(name + "/" + version + "/")) {
      return resourcePath;
    }
    return "/" + name + "/" + version + path.substring(slash);
  }
}
