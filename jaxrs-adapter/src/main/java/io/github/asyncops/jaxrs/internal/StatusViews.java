package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.jaxrs.json.StatusJson;
import java.net.URI;
import java.util.Locale;

/**
 * Describes operations as one request's responses and events carry them, with links under the
 * request's base. Holds no request-scoped object, so it also works on other threads, for the
 * statuses an event stream sends later.
 */
final class StatusViews {
  private final StatusRenderings renderings;
  private final String basePath;
  private final URI applicationBase;
  private final OperationEngine engine;
  private final Locale locale;
  private final String language;

  /**
   * Creates the views of a request.
   *
   * @param renderings the renderings every request shares
   * @param basePath the absolute base path, such as {@code /api/operations}
   * @param applicationBase the request's application base URI
   * @param engine the engine, which renders messages
   * @param locale the language the viewer reads, as {@link ViewerLocale} chose it
   * @param language the language to name for the texts ({@link OperationEngine#textLanguage}), or
   *     null when it is unknown
   */
  StatusViews(
      StatusRenderings renderings,
      String basePath,
      URI applicationBase,
      OperationEngine engine,
      Locale locale,
      Locale language) {
    this.renderings = renderings;
    this.basePath = basePath;
    this.applicationBase = applicationBase;
    this.engine = engine;
    this.locale = locale;
    this.language = language == null ? null : language.toLanguageTag();
  }

  /**
   * The language of this request's texts, for {@code Content-Language}.
   *
   * @return a language tag such as {@code ru}, or null when the texts are plain strings of a
   *     language nobody named
   */
  String language() {
    return language;
  }

  /**
   * Describes an operation, with links under this request's base.
   *
   * @param snapshot the operation
   * @return its JSON form
   */
  StatusJson json(OperationSnapshot snapshot) {
    return StatusJson.of(engine.localize(snapshot, locale), basePath);
  }

  /**
   * A stored operation's last status text in the viewer's language, for the operator console.
   *
   * @param record the operation as the store holds it
   * @return the text, or null when there is none
   */
  String text(OperationRecord record) {
    Progress progress = record.progress();
    return engine.localize(record.type(), progress.message(), progress.text(), locale);
  }

  /**
   * A stored operation's error in the viewer's language, for the operator console.
   *
   * @param record the operation as the store holds it
   * @return the error, or null when there is none
   */
  String error(OperationRecord record) {
    OperationRecord.Outcome outcome = record.outcome();
    return engine.localize(record.type(), outcome.errorMessage(), outcome.error(), locale);
  }

  /**
   * The absolute URI of an operation's status.
   *
   * @param snapshot the operation
   * @return the URI, for a {@code Location} header
   */
  URI location(OperationSnapshot snapshot) {
    return applicationBase.resolve(StatusJson.of(snapshot, basePath).links().self());
  }

  /**
   * An operation's status as text and entity tag, rendered once per change for every request and
   * event stream that carries it.
   *
   * @param snapshot the operation
   * @return the rendering
   */
  StatusRenderings.Rendered render(OperationSnapshot snapshot) {
    return renderings.render(
        snapshot,
        basePath,
        language == null ? "" : language,
        s -> engine.localize(s, locale),
        s -> StatusJson.of(s, basePath));
  }
}
