package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * {@link Message}: its bounds, its encoding (what stores persist) read back to an equal message,
 * and the refusal of oversize and malformed encodings with named exceptions. Rendering is in {@link
 * MessagesTest}.
 */
final class MessageTest {

  @Property
  void every_message_reads_back_equal_from_its_encoding(@ForAll("messages") Message message) {
    Message decoded = Message.decode(message.encode());

    assertThat(decoded).isEqualTo(message);
    assertThat(decoded.key()).isEqualTo(message.key());
    assertThat(decoded.arguments()).containsExactlyEntriesOf(message.arguments());
  }

  @Property
  void any_text_is_either_a_canonical_encoding_or_refused(
      @ForAll @StringLength(max = 80) String text) {
    Message decoded;
    try {
      decoded = Message.decode(text);
    } catch (InvalidMessageException refused) {
      return;
    }
    assertThat(decoded.encode()).isEqualTo(text);
  }

  @Property
  void a_string_argument_of_any_characters_survives(@ForAll @StringLength(max = 300) String value) {
    Message message = Message.of("k").with("v", value);

    assertThat(Message.decode(message.encode()).arguments().get("v")).isEqualTo(value);
  }

  @net.jqwik.api.Example
  void a_message_over_the_byte_bound_is_refused() {
    String big = "ж".repeat(Message.MAX_ENCODED_BYTES / 2);

    assertThatThrownBy(() -> Message.of("k").with("v", big))
        .isInstanceOf(MessageTooLargeException.class)
        .hasMessageContaining("2048 bytes");
  }

  @net.jqwik.api.Example
  void the_encoding_is_the_documented_one() {
    Message message =
        Message.of("flight.progress")
            .with("percent", 40)
            .with("pilot", "Гагарин; \\ok")
            .with("ratio", 0.5f)
            .with("late", false)
            .with("at", Instant.parse("1961-04-12T06:07:00Z"))
            .with("left", Duration.ofSeconds(90));

    assertThat(message.encode())
        .isEqualTo(
            "flight.progress;percent=l40;pilot=sГагарин\\; \\\\ok;ratio=d0.5;late=bfalse"
                + ";at=i1961-04-12T06:07:00Z;left=pPT1M30S");
    assertThat(message.arguments()).containsEntry("percent", 40L).containsEntry("ratio", 0.5);
  }

  @net.jqwik.api.Example
  void bounds_and_grammar_are_enforced_with_named_exceptions() {
    assertThatThrownBy(() -> Message.of("a".repeat(Message.MAX_KEY_LENGTH + 1)))
        .isInstanceOf(MessageTooLargeException.class);
    assertThatThrownBy(() -> Message.of("has space")).isInstanceOf(InvalidMessageException.class);
    assertThatThrownBy(() -> Message.of("")).isInstanceOf(InvalidMessageException.class);
    assertThatThrownBy(() -> Message.of("k").with("1st", 1))
        .isInstanceOf(InvalidMessageException.class);
    assertThatThrownBy(() -> Message.of("k").with("v", new Object()))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessageContaining("must be a number, string, boolean, Instant or Duration");
    assertThatThrownBy(() -> Message.of("k").with("v", null))
        .isInstanceOf(InvalidMessageException.class);
    Message full = Message.of("k");
    for (int i = 0; i < Message.MAX_ARGUMENTS; i++) {
      full = full.with("a" + i, i);
    }
    Message sixteen = full;
    assertThatThrownBy(() -> sixteen.with("one_more", 1))
        .isInstanceOf(MessageTooLargeException.class);
    assertThat(sixteen.with("a0", 7).arguments()).hasSize(Message.MAX_ARGUMENTS);
  }

  @net.jqwik.api.Example
  void malformed_encodings_are_refused() {
    for (String bad :
        new String[] {
          "k;v", "k;v=", "k;v=x1", "k;v=l05", "k;v=lx", "k;v=btrue;v=bfalse", "k;v=bTRUE",
          "k;v=i1961", "k;v=l1\\;", "k;v=sa\\", "k;v=sa\\b", "k;=l1", " k", "k;v=d1f"
        }) {
      assertThatThrownBy(() -> Message.decode(bad))
          .as(bad)
          .isInstanceOf(InvalidMessageException.class);
    }
    assertThatThrownBy(() -> Message.decode(null)).isInstanceOf(InvalidMessageException.class);
    assertThatThrownBy(() -> Message.decode("k;v=s" + "x".repeat(Message.MAX_ENCODED_BYTES)))
        .isInstanceOf(MessageTooLargeException.class);
  }

  @Provide
  Arbitrary<Message> messages() {
    Arbitrary<String> keys =
        Arbitraries.strings()
            .withChars("abcXYZ019._-")
            .ofMinLength(1)
            .ofMaxLength(Message.MAX_KEY_LENGTH);
    Arbitrary<String> names =
        Combinators.combine(
                Arbitraries.chars().range('a', 'z'),
                Arbitraries.strings().withChars("abZ09_").ofMaxLength(10))
            .as((first, rest) -> first + rest);
    Arbitrary<Object> values =
        Arbitraries.oneOf(
            Arbitraries.longs().map(v -> (Object) v),
            Arbitraries.integers().map(v -> (Object) v),
            Arbitraries.doubles().map(v -> (Object) v),
            Arbitraries.of(Double.NaN, Double.NEGATIVE_INFINITY, -0.0).map(v -> (Object) v),
            Arbitraries.strings().ofMaxLength(40).map(v -> (Object) v),
            Arbitraries.of(true, false).map(v -> (Object) v),
            Arbitraries.longs()
                .between(-10_000_000_000L, 10_000_000_000L)
                .map(s -> (Object) Instant.ofEpochSecond(s, 123)),
            Arbitraries.longs()
                .between(-1_000_000, 1_000_000)
                .map(s -> (Object) Duration.ofMillis(s)));
    return Combinators.combine(keys, Arbitraries.maps(names, values).ofMaxSize(6))
        .as(MessageTest::build);
  }

  private static Message build(String key, Map<String, Object> arguments) {
    Message message = Message.of(key);
    for (Map.Entry<String, Object> argument : arguments.entrySet()) {
      message = message.with(argument.getKey(), argument.getValue());
    }
    return message;
  }
}
