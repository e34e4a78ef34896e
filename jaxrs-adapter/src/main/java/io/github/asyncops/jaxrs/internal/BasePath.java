package io.github.asyncops.jaxrs.internal;

import jakarta.ws.rs.Path;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * The adapter's base path, read from the {@link Path} of the root resource class, relative to the
 * application path: {@code operations} by default.
 */
final class BasePath {
  private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*");

  private final String path;

  private BasePath(String path) {
    this.path = path;
  }

  /**
   * Reads a root resource class's path.
   *
   * @param resource the root resource class
   * @return its base path
   * @throws IllegalArgumentException if the class has no {@code @Path}, or one with templates or
   *     characters that need encoding
   */
  static BasePath of(Class<?> resource) {
    Path annotation = resource.getAnnotation(Path.class);
    if (annotation == null) {
      throw new IllegalArgumentException(resource.getName() + " has no @Path annotation");
    }
    String path = trimSlashes(annotation.value());
    if (!LITERAL.matcher(path).matches()) {
      throw new IllegalArgumentException(
          "the @Path of "
              + resource.getName()
              + " must be a literal path of unreserved characters, was '"
              + annotation.value()
              + "'");
    }
    return new BasePath(path);
  }

  /**
   * Tells whether a request path lies under this base.
   *
   * @param requestPath the path relative to the application path, as {@code UriInfo.getPath()}
   *     gives it
   * @return true for the base itself and every path below it
   */
  boolean contains(String requestPath) {
    String p = trimSlashes(requestPath);
    return p.equals(path) || p.startsWith(path + "/");
  }

  /**
   * The part of a request path below this base.
   *
   * @param requestPath the path relative to the application path, as {@code UriInfo.getPath()}
   *     gives it
   * @return the rest without leading slash, empty for the base itself, or null if the path does not
   *     lie under this base
   */
  String below(String requestPath) {
    String p = requestPath;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    if (p.equals(path) || p.equals(path + "/")) {
      return "";
    }
    return p.startsWith(path + "/") ? p.substring(path.length() + 1) : null;
  }

  /**
   * Places the base under an application's base URI.
   *
   * @param applicationBase the application's base URI, as {@code UriInfo.getBaseUri()} gives it
   * @return the absolute path of the base, for example {@code /api/operations}
   */
  String under(URI applicationBase) {
    String prefix = applicationBase.getRawPath();
    if (prefix == null || prefix.isEmpty()) {
      prefix = "/";
    }
    return (prefix.endsWith("/") ? prefix : prefix + "/") + path;
  }

  @Override
  public String toString() {
    return path;
  }

  private static String trimSlashes(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && value.charAt(start) == '/') {
      start++;
    }
    while (end > start && value.charAt(end - 1) == '/') {
      end--;
    }
    return value.substring(start, end);
  }
}
