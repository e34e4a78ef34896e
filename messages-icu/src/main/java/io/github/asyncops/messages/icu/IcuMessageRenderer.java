package io.github.asyncops.messages.icu;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import io.github.asyncops.core.Message;
import io.github.asyncops.core.spi.MessageRenderer;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Formats message patterns with ICU4J's {@link MessageFormat}: named arguments, {@code plural} with
 * the CLDR rules of each language ({@code {left, plural, one{# секунда} few{# секунды} many{#
 * секунд} other{# секунды}}}), {@code select}, numbers and dates in the locale's format. A {@link
 * Duration} argument is its whole seconds, an {@link Instant} a date, as with {@link
 * MessageRenderer#jdk()}. Thread-safe: a format is made for each call, as ICU's are not.
 *
 * <p>{@link java.util.ServiceLoader} finds it ({@code META-INF/services}), so an engine built
 * without {@code messageRenderer(...)} uses it.
 */
public final class IcuMessageRenderer implements MessageRenderer {

  /** Creates the renderer, as {@link java.util.ServiceLoader} does. */
  public IcuMessageRenderer() {}

  @Override
  public String format(String pattern, Message message, Locale locale) {
    Map<String, Object> arguments = new HashMap<>();
    message.arguments().forEach((name, value) -> arguments.put(name, icuValue(value)));
    return new MessageFormat(pattern, ULocale.forLocale(locale)).format(arguments);
  }

  private static Object icuValue(Object value) {
    if (value instanceof Duration d) {
      return d.getSeconds();
    }
    if (value instanceof Instant i) {
      return Date.from(i);
    }
    return value;
  }
}
