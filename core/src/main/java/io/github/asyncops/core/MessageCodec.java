package io.github.asyncops.core;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the encoding that {@link Message#encode()} writes; the format is described there. */
final class MessageCodec {
  private MessageCodec() {}

  /** The type letter of a value other than a string. */
  static char tag(Object value) {
    if (value instanceof Long) {
      return 'l';
    }
    if (value instanceof Double) {
      return 'd';
    }
    if (value instanceof Boolean) {
      return 'b';
    }
    if (value instanceof Instant) {
      return 'i';
    }
    if (value instanceof Duration) {
      return 'p';
    }
    throw new IllegalArgumentException("not a message argument: " + value.getClass());
  }

  /**
   * Decodes, and accepts only the one encoding {@link Message#encode()} writes for the message (no
   * leading zeros, no other spellings of a number or instant), so that equal messages are stored as
   * equal texts.
   */
  static Message decode(String encoded) {
    int end = encoded.indexOf(';');
    String key = end < 0 ? encoded : encoded.substring(0, end);
    Map<String, Object> arguments = new LinkedHashMap<>();
    int at = end;
    while (at >= 0) {
      int equals = encoded.indexOf('=', at + 1);
      if (equals < 0 || equals + 1 >= encoded.length()) {
        throw new InvalidMessageException("an encoded message argument needs a name, '=' and type");
      }
      String name = encoded.substring(at + 1, equals);
      Message.checkName(name);
      char tag = encoded.charAt(equals + 1);
      StringBuilder value = new StringBuilder();
      int i = equals + 2;
      for (; i < encoded.length() && encoded.charAt(i) != ';'; i++) {
        char c = encoded.charAt(i);
        if (c == '\\') {
          if (tag != 's' || i + 1 == encoded.length()) {
            throw new InvalidMessageException("an encoded message has a stray '\\'");
          }
          c = encoded.charAt(++i);
        }
        value.append(c);
      }
      if (arguments.put(name, Message.parse(tag, value.toString())) != null) {
        throw new InvalidMessageException("message argument '" + name + "' appears twice");
      }
      at = i < encoded.length() ? i : -1;
    }
    Message message = Message.decoded(key, arguments);
    if (!message.encode().equals(encoded)) {
      throw new InvalidMessageException("an encoded message is not in the form encode() writes");
    }
    return message;
  }
}
