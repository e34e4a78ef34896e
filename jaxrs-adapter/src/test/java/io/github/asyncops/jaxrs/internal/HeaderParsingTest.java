package io.github.asyncops.jaxrs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.jaxrs.OperationsResource;
import jakarta.ws.rs.Path;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The small parsers and formatters behind the headers: {@code Prefer}, {@code Last-Event-ID},
 * {@code Idempotency-Key}, {@code Content-Disposition}, and the base path. Their use over HTTP is
 * covered by the endpoint tests.
 */
final class HeaderParsingTest {
  private static final Duration CAP = Duration.ofSeconds(30);

  @Path("/api/jobs/")
  static class Jobs extends OperationsResource {}

  @Test
  void prefer_wait_is_read_among_other_preferences_and_capped() {
    assertThat(PreferWait.parse(null, CAP)).isZero();
    assertThat(PreferWait.parse(List.of("wait=10"), CAP)).hasSeconds(10);
    assertThat(PreferWait.parse(List.of("respond-async, Wait=\"5\""), CAP)).hasSeconds(5);
    assertThat(PreferWait.parse(List.of("handling=lenient", "wait=7;x=y"), CAP)).hasSeconds(7);
    assertThat(PreferWait.parse(List.of("wait=3600"), CAP)).isEqualTo(CAP);
    assertThat(PreferWait.parse(List.of("wait=-1", "wait=soon"), CAP)).isZero();
    assertThat(PreferWait.parse(List.of("wait=10"), Duration.ZERO)).isZero();
  }

  @Test
  void last_event_id_is_ours_or_none() {
    LastEventId id = LastEventId.parse(" 12.AAAAAAAAAAAAAAAAAAAAAA ");

    assertThat(id.sequence()).isEqualTo(12);
    assertThat(id.tag()).isEqualTo("AAAAAAAAAAAAAAAAAAAAAA");
    assertThat(id).hasToString("12.AAAAAAAAAAAAAAAAAAAAAA");
    assertThat(LastEventId.parse(null)).isEqualTo(LastEventId.NONE);
    assertThat(LastEventId.parse("12")).isEqualTo(LastEventId.NONE);
    assertThat(LastEventId.parse("x.AAAAAAAAAAAAAAAAAAAAAA")).isEqualTo(LastEventId.NONE);
  }

  @Test
  void idempotency_keys_are_visible_ascii_optionally_quoted() {
    assertThat(IdempotencyKeys.parse(null)).isNull();
    assertThat(IdempotencyKeys.parse("8e03978e-40d5-43e8")).isEqualTo("8e03978e-40d5-43e8");
    assertThat(IdempotencyKeys.parse("\"abc\"")).isEqualTo("abc");
    assertThatThrownBy(() -> IdempotencyKeys.parse("a b")).isInstanceOf(ProblemException.class);
  }

  @Test
  void content_disposition_has_an_ascii_name_and_the_exact_one() {
    assertThat(Results.attachment("export.csv"))
        .isEqualTo("attachment; filename=\"export.csv\"; filename*=UTF-8''export.csv");
    assertThat(Results.attachment("отчёт \"1\".csv"))
        .isEqualTo(
            "attachment; filename=\"_____ _1_.csv\"; "
                + "filename*=UTF-8''%D0%BE%D1%82%D1%87%D1%91%D1%82%20%221%22.csv");
    assertThat(Results.attachment("../etc/passwd"))
        .startsWith("attachment; filename=\".._etc_passwd\"");
  }

  @Test
  void base_path_comes_from_the_resource_and_covers_what_lies_below() {
    BasePath base = BasePath.of(Jobs.class);

    assertThat(base).hasToString("api/jobs");
    assertThat(base.contains("api/jobs")).isTrue();
    assertThat(base.contains("/api/jobs/missile-launch/x")).isTrue();
    assertThat(base.contains("api/jobsx")).isFalse();
    assertThat(base.contains("api")).isFalse();
    assertThat(base.under(URI.create("http://h/app/"))).isEqualTo("/app/api/jobs");
    assertThat(base.under(URI.create("http://h"))).isEqualTo("/api/jobs");
  }
}
