package io.github.asyncops.core.spi;

import io.github.asyncops.core.Message;
import java.util.Locale;

/**
 * Formats a message's pattern with its arguments in a language. The engine finds the pattern in the
 * provider's bundles ({@link WorkerProvider#messages()}) and hands it here. The default, {@link
 * #jdk()}, uses the JDK's {@link java.text.MessageFormat}, which has no CLDR plural rules; the
 * optional module {@code asyncops-messages-icu} provides one with ICU4J, found by {@link
 * java.util.ServiceLoader} when it is on the class path or module path.
 *
 * <p>Patterns name their arguments: {@code Flight {percent,number,integer}% complete}. A {@link
 * java.time.Duration} argument is formatted as its whole seconds, and an {@link java.time.Instant}
 * as a date, so {@code {left,number}} and {@code {at,time,short}} work with either renderer.
 *
 * <p>Called on request threads and the engine's threads at once: implementations are thread-safe.
 */
public interface MessageRenderer {

  /**
   * Formats a pattern.
   *
   * @param pattern the pattern the message's key names, in the bundle for {@code locale}
   * @param message the message, for its arguments
   * @param locale the language and formats to use
   * @return the text for people
   * @throws IllegalArgumentException if the pattern is malformed or an argument does not fit its
   *     format; the engine then shows the key and logs the problem once
   */
  String format(String pattern, Message message, Locale locale);

  /**
   * The renderer the JDK alone provides, with {@link java.text.MessageFormat}: numbers, dates and
   * {@code choice}, but no CLDR plurals.
   *
   * @return the renderer
   */
  static MessageRenderer jdk() {
    return JdkMessageRenderer.INSTANCE;
  }
}
