package io.github.asyncops.jaxrs.internal;

/**
 * Checks at start-up that the runtime can stream events. JAX-RS 4 makes {@link jakarta.ws.rs.sse}
 * part of every implementation, but Jersey ships it as a separate module: without it Jersey starts,
 * and the first event stream fails with the container's error page. RESTEasy and Quarkus REST carry
 * it in their core.
 *
 * <p>The check looks for classes by name, so the adapter depends on no runtime.
 */
final class SseSupport {
  private static final String JERSEY_SERVER = "org.glassfish.jersey.server.ApplicationHandler";
  private static final String JERSEY_SSE = "org.glassfish.jersey.media.sse.SseFeature";
  private static final String JERSEY_SSE_ARTIFACT = "org.glassfish.jersey.media:jersey-media-sse";

  private SseSupport() {}

  /**
   * Fails when Jersey serves the application without its SSE module.
   *
   * @param loader the class loader that sees the runtime
   * @throws IllegalStateException naming the dependency to add
   */
  static void check(ClassLoader loader) {
    if (visible(JERSEY_SERVER, loader) && !visible(JERSEY_SSE, loader)) {
      throw new IllegalStateException(
          "asyncops streams events with jakarta.ws.rs.sse, which Jersey implements in a separate"
              + " module: add the dependency "
              + JERSEY_SSE_ARTIFACT
              + " (the version of your Jersey)");
    }
  }

  private static boolean visible(String className, ClassLoader loader) {
    try {
      Class.forName(className, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
