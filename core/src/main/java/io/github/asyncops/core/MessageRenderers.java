package io.github.asyncops.core;

import io.github.asyncops.core.spi.MessageRenderer;
import java.lang.System.Logger.Level;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds the message renderer an engine uses when its builder was given none. */
final class MessageRenderers {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.core");

  private MessageRenderers() {}

  /**
   * The first renderer {@link ServiceLoader} finds, or the JDK's; a renderer that cannot be loaded
   * is logged and skipped.
   */
  static MessageRenderer find(ClassLoader loader) {
    try {
      for (MessageRenderer renderer : ServiceLoader.load(MessageRenderer.class, loader)) {
        LOG.log(Level.DEBUG, "rendering messages with " + renderer.getClass().getName());
        return renderer;
      }
    } catch (ServiceConfigurationError e) {
      LOG.log(Level.WARNING, "could not load a message renderer; using the JDK's", e);
    }
    return MessageRenderer.jdk();
  }
}
