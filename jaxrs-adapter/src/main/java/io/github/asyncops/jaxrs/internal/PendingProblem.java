package io.github.asyncops.jaxrs.internal;

import com.fasterxml.jackson.annotation.JsonValue;
import io.github.asyncops.jaxrs.json.ProblemJson;
import io.github.asyncops.jaxrs.json.StatusJson;
import java.net.URI;
import java.util.Locale;

/**
 * A problem whose texts are not rendered yet: the entity of every problem response until {@link
 * ProblemBodyFilter} renders it in the viewer's language. Where a runtime skips response filters
 * (Quarkus REST does for an SSE method's error), it is written in English.
 *
 * @param type the type URI
 * @param titleKey the title's key under {@code title.} in {@link ProblemTexts}
 * @param fallbackTitle the title when no bundle has the key
 * @param status the HTTP status
 * @param detail what went wrong this time
 * @param field the offending field, or null
 * @param operation the operation in the way, or null
 */
record PendingProblem(
    URI type,
    String titleKey,
    String fallbackTitle,
    int status,
    Detail detail,
    String field,
    StatusJson operation) {

  /**
   * The problem in a language.
   *
   * @param locale the language, from {@link ProblemTexts#choose}
   * @return its wire form
   */
  ProblemJson render(Locale locale) {
    return new ProblemJson(
        type,
        ProblemTexts.title(titleKey, fallbackTitle, locale),
        status,
        ProblemTexts.detail(detail, locale),
        field,
        operation);
  }

  /**
   * The problem in English, as it is written when no filter rendered it.
   *
   * @return its wire form
   */
  @JsonValue
  ProblemJson english() {
    return render(ProblemTexts.BASE_LANGUAGE);
  }
}
