package io.github.asyncops.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A text for people as a key and named arguments, rendered in each viewer's language: {@code
 * Message.of("flight.progress").with("percent", 40)} becomes "Полет завершен на 40%" for one viewer
 * and "Flight 40% complete" for another. The key names a pattern in the resource bundles that the
 * operation type's provider names ({@link io.github.asyncops.core.spi.WorkerProvider#messages()}).
 *
 * <p>Arguments are whole numbers ({@code byte}, {@code short}, {@code int}, {@code long}, kept as
 * {@code Long}), decimals ({@code float}, {@code double}, kept as {@code Double}), {@code String},
 * {@code Boolean}, {@link Instant} and {@link Duration}, in the order they were added. Immutable
 * and thread-safe; equal messages have equal {@link #encode() encodings}.
 *
 * <p>Bounded, so that a store keeps a message in one small text column: a key of at most {@value
 * #MAX_KEY_LENGTH} characters from {@code [A-Za-z0-9._-]}, at most {@value #MAX_ARGUMENTS}
 * arguments named by {@code [A-Za-z][A-Za-z0-9_]*} of at most {@value #MAX_NAME_LENGTH} characters,
 * and at most {@value #MAX_ENCODED_BYTES} bytes of UTF-8 once encoded.
 *
 * <h2>Encoding</h2>
 *
 * {@link #encode()} writes the key, then each argument as {@code ;name=} followed by a one-letter
 * type and the value:
 *
 * <ul>
 *   <li>{@code s} a string, with {@code \} written {@code \\} and {@code ;} written {@code \;}
 *   <li>{@code l} a whole number in decimal; {@code d} a decimal as {@link Double#toString(double)}
 *   <li>{@code b} {@code true} or {@code false}
 *   <li>{@code i} an instant in ISO-8601 ({@link Instant#toString()}); {@code p} a duration in
 *       ISO-8601 ({@link Duration#toString()})
 * </ul>
 *
 * For example {@code flight.progress;percent=l40;pilot=sГагарин}. {@link #decode(String)} reads it
 * back to an equal message. The format is stable: stores persist it.
 */
public final class Message {
  /** The most characters in a key. */
  public static final int MAX_KEY_LENGTH = 100;

  /** The most characters in an argument's name. */
  public static final int MAX_NAME_LENGTH = 32;

  /** The most arguments in a message. */
  public static final int MAX_ARGUMENTS = 16;

  /** The most bytes of UTF-8 in a message's encoding, key and arguments together: 2 KiB. */
  public static final int MAX_ENCODED_BYTES = 2048;

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  private final String key;
  private final Map<String, Object> arguments;
  private final String encoded;

  private Message(String key, Map<String, Object> arguments) {
    this.key = key;
    this.arguments = Collections.unmodifiableMap(arguments);
    this.encoded = encode(key, arguments);
    if (encoded.length() > MAX_ENCODED_BYTES / 3
        && encoded.getBytes(StandardCharsets.UTF_8).length > MAX_ENCODED_BYTES) {
      throw new MessageTooLargeException(
          "message '" + key + "' is longer than " + MAX_ENCODED_BYTES + " bytes once encoded");
    }
  }

  /**
   * A message without arguments.
   *
   * @param key the pattern's key in the provider's bundles, such as {@code flight.started}
   * @return the message
   * @throws InvalidMessageException if the key is null, empty or has other characters than {@code
   *     [A-Za-z0-9._-]}
   * @throws MessageTooLargeException if the key is longer than {@value #MAX_KEY_LENGTH}
   */
  public static Message of(String key) {
    checkKey(key);
    return new Message(key, new LinkedHashMap<>());
  }

  /**
   * A copy with one more argument, or with a new value for an argument of that name.
   *
   * @param name the argument's name, as the pattern writes it: {@code {percent}}
   * @param value a number, string, boolean, {@link Instant} or {@link Duration}; not null
   * @return the copy
   * @throws InvalidMessageException if the name does not match {@code [A-Za-z][A-Za-z0-9_]*}, or
   *     the value is null or of another type
   * @throws MessageTooLargeException if the copy would pass a bound
   */
  public Message with(String name, Object value) {
    checkName(name);
    Object normal = normalize(name, value);
    if (!arguments.containsKey(name) && arguments.size() >= MAX_ARGUMENTS) {
      throw new MessageTooLargeException(
          "message '" + key + "' has more than " + MAX_ARGUMENTS + " arguments");
    }
    Map<String, Object> copy = new LinkedHashMap<>(arguments);
    copy.put(name, normal);
    return new Message(key, copy);
  }

  /**
   * The pattern's key.
   *
   * @return the key
   */
  public String key() {
    return key;
  }

  /**
   * The arguments by name, in the order they were added; values are {@code Long}, {@code Double},
   * {@code String}, {@code Boolean}, {@link Instant} or {@link Duration}.
   *
   * @return an unmodifiable map
   */
  public Map<String, Object> arguments() {
    return arguments;
  }

  /**
   * The message as one line of text, in the format the class describes, for a store's text column.
   *
   * @return at most {@value #MAX_ENCODED_BYTES} bytes of UTF-8
   */
  public String encode() {
    return encoded;
  }

  /**
   * Reads what {@link #encode()} wrote.
   *
   * @param encoded the encoding
   * @return an equal message
   * @throws InvalidMessageException if the text is null or not an encoding of a message
   * @throws MessageTooLargeException if it passes a bound
   */
  public static Message decode(String encoded) {
    if (encoded == null) {
      throw new InvalidMessageException("an encoded message must not be null");
    }
    if (encoded.length() > MAX_ENCODED_BYTES) {
      throw new MessageTooLargeException(
          "an encoded message must be at most " + MAX_ENCODED_BYTES + " bytes");
    }
    return MessageCodec.decode(encoded);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Message other && encoded.equals(other.encoded);
  }

  @Override
  public int hashCode() {
    return encoded.hashCode();
  }

  /**
   * The encoding, as {@link #encode()} gives it.
   *
   * @return the encoding
   */
  @Override
  public String toString() {
    return encoded;
  }

  static void checkKey(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new InvalidMessageException(
          "a message key must be one or more of the characters A-Z, a-z, 0-9, '.', '_' and '-'");
    }
    if (key.length() > MAX_KEY_LENGTH) {
      throw new MessageTooLargeException(
          "a message key must be at most " + MAX_KEY_LENGTH + " characters");
    }
  }

  static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches() || name.length() > MAX_NAME_LENGTH) {
      throw new InvalidMessageException(
          "a message argument's name must be a letter followed by letters, digits or '_', at most "
              + MAX_NAME_LENGTH
              + " characters");
    }
  }

  private static Object normalize(String name, Object value) {
    if (value instanceof Long
        || value instanceof Double
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Instant
        || value instanceof Duration) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    throw new InvalidMessageException(
        "message argument '"
            + name
            + "' must be a number, string, boolean, Instant or Duration"
            + (value == null ? ", not null" : ""));
  }

  private static String encode(String key, Map<String, Object> arguments) {
    StringBuilder out = new StringBuilder(key);
    for (Map.Entry<String, Object> argument : arguments.entrySet()) {
      out.append(';').append(argument.getKey()).append('=');
      Object value = argument.getValue();
      if (value instanceof String s) {
        out.append('s');
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          if (c == '\\' || c == ';') {
            out.append('\\');
          }
          out.append(c);
        }
      } else {
        out.append(MessageCodec.tag(value)).append(value);
      }
    }
    return out.toString();
  }

  /** Builds a decoded message, checking each part as {@link #with} does. */
  static Message decoded(String key, Map<String, Object> arguments) {
    checkKey(key);
    if (arguments.size() > MAX_ARGUMENTS) {
      throw new MessageTooLargeException(
          "message '" + key + "' has more than " + MAX_ARGUMENTS + " arguments");
    }
    return new Message(key, arguments);
  }

  /** Parses a value of the given type letter; used by the codec. */
  static Object parse(char tag, String text) {
    try {
      return switch (tag) {
        case 's' -> text;
        case 'l' -> Long.valueOf(text);
        case 'd' -> Double.valueOf(text);
        case 'b' -> {
          if (!text.equals("true") && !text.equals("false")) {
            throw new InvalidMessageException("a boolean argument must be true or false");
          }
          yield Boolean.valueOf(text);
        }
        case 'i' -> Instant.parse(text);
        case 'p' -> Duration.parse(text);
        default -> throw new InvalidMessageException("unknown argument type '" + tag + "'");
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new InvalidMessageException("an argument of type '" + tag + "' has an invalid value");
    }
  }
}
