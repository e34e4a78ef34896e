package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The identifier's form: 128 random bits, URL-safe, parsed strictly. */
final class OperationIdTest {

  @Test
  void random_ids_are_22_url_safe_characters_and_distinct() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String value = OperationId.random().value();
      assertThat(value).matches("[A-Za-z0-9_-]{22}");
      seen.add(value);
    }
    assertThat(seen).hasSize(10_000);
  }

  @Test
  void of_round_trips_and_refuses_malformed_text() {
    OperationId id = OperationId.random();

    assertThat(OperationId.of(id.value())).isEqualTo(id);
    assertThat(OperationId.isValid("../../etc/passwd")).isFalse();
    assertThat(OperationId.isValid(null)).isFalse();
    assertThat(OperationId.isValid("Az09-_".repeat(3) + "abcd")).isTrue();
    assertThat(OperationId.isValid("+".repeat(22))).isFalse();
    assertThat(OperationId.isValid("\u00e9".repeat(22))).isFalse();
    assertThat(OperationId.isValid("\u0141".repeat(22))).isFalse();
    assertThatThrownBy(() -> OperationId.of("abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("22 URL-safe Base64 characters");
  }
}
