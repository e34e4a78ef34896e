package io.github.asyncops.core.spi;

import io.github.asyncops.core.Message;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link MessageRenderer#jdk()}: the JDK's {@link MessageFormat}, which numbers its arguments, so a
 * pattern's names are turned into numbers once per pattern ({@code {percent,number}} becomes {@code
 * {0,number}}), skipping quoted text as {@code MessageFormat} does.
 */
final class JdkMessageRenderer implements MessageRenderer {
  static final JdkMessageRenderer INSTANCE = new JdkMessageRenderer();

  /** The most patterns kept numbered; past it the cache starts again. */
  private static final int CACHE = 1_000;

  private record Numbered(String pattern, List<String> names) {}

  private final Map<String, Numbered> numbered = new ConcurrentHashMap<>();

  private JdkMessageRenderer() {}

  @Override
  public String format(String pattern, Message message, Locale locale) {
    Numbered n = numbered.get(pattern);
    if (n == null) {
      if (numbered.size() >= CACHE) {
        numbered.clear();
      }
      n = number(pattern);
      numbered.put(pattern, n);
    }
    Object[] values = new Object[n.names().size()];
    Map<String, Object> arguments = message.arguments();
    for (int i = 0; i < values.length; i++) {
      values[i] = jdkValue(n.names().get(i), arguments.get(n.names().get(i)));
    }
    return new MessageFormat(n.pattern(), locale).format(values);
  }

  private static Object jdkValue(String name, Object value) {
    if (value instanceof Duration d) {
      return d.getSeconds();
    }
    if (value instanceof Instant i) {
      return Date.from(i);
    }
    return value == null ? "{" + name + "}" : value;
  }

  /** Replaces each argument name after an unquoted '{' by its index. */
  private static Numbered number(String pattern) {
    List<String> names = new ArrayList<>();
    StringBuilder out = new StringBuilder(pattern.length());
    boolean quoted = false;
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      out.append(c);
      i++;
      if (c == '\'') {
        quoted = !quoted;
      } else if (c == '{' && !quoted) {
        int start = i;
        while (i < pattern.length() && isNamePart(pattern.charAt(i))) {
          i++;
        }
        String name = pattern.substring(start, i);
        if (!name.isEmpty() && !Character.isDigit(name.charAt(0))) {
          int index = names.indexOf(name);
          if (index < 0) {
            index = names.size();
            names.add(name);
          }
          out.append(index);
        } else {
          out.append(name);
        }
      }
    }
    return new Numbered(out.toString(), List.copyOf(names));
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
