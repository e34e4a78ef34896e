package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The demo's console login: the right password opens a session of its own, a wrong one (shorter,
 * longer, one character off, empty, absent) opens none, logging out closes only that session, and a
 * password drawn at start-up is random and shown only then. The cookie and the role are {@link
 * AdminLoginIT}'s and {@link AdminSecurityTest}'s.
 */
final class AdminSessionsTest {
  private final AdminSessions sessions = AdminSessions.of("correct horse");

  @Test
  void the_right_password_opens_a_new_session_each_time() {
    String first = sessions.login("correct horse");
    String second = sessions.login("correct horse");

    assertThat(first).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(second);
    assertThat(sessions.valid(first)).isTrue();
    assertThat(sessions.valid(second)).isTrue();
  }

  @Test
  void a_wrong_password_opens_no_session() {
    for (String wrong :
        new String[] {"correct hors", "correct horse!", "Correct horse", "", null}) {
      assertThat(sessions.login(wrong)).as(String.valueOf(wrong)).isNull();
    }
  }

  @Test
  void only_open_sessions_are_valid_and_logout_closes_one() {
    String kept = sessions.login("correct horse");
    String closed = sessions.login("correct horse");

    sessions.logout(closed);
    sessions.logout(null);
    sessions.logout("never-opened");

    assertThat(sessions.valid(kept)).isTrue();
    assertThat(sessions.valid(closed)).isFalse();
    assertThat(sessions.valid(null)).isFalse();
    assertThat(sessions.valid("")).isFalse();
  }

  @Test
  void a_drawn_password_is_random_and_works_while_a_given_one_is_never_shown() {
    AdminSessions drawn = AdminSessions.of(null);
    String password = drawn.generatedPassword();

    assertThat(password).matches("[A-Za-z0-9_-]{22}");
    assertThat(AdminSessions.of(null).generatedPassword()).isNotEqualTo(password);
    assertThat(drawn.login(password)).isNotNull();
    assertThat(sessions.generatedPassword()).isNull();
  }
}
