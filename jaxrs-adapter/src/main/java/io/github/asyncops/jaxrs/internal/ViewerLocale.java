package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.OperationEngine;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The language a request's texts are rendered in: the {@code lang} query parameter first (an {@code
 * EventSource} cannot set {@code Accept-Language}, so the widget pins a language this way), then
 * {@code Accept-Language} in the client's order of preference, and the engine picks the first that
 * the operation types' bundles have, else its default ({@link OperationEngine#locale}).
 */
final class ViewerLocale {
  /** The query parameter that pins a language, such as {@code ?lang=en}. */
  static final String PARAMETER = "lang";

  /** The most preferences read; a longer header is cut, which changes nothing a person sends. */
  private static final int MOST = 8;

  /** A language tag as {@code lang} may give it: letters, digits and hyphens, short. */
  private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}");

  private ViewerLocale() {}

  /**
   * Chooses the language of a request.
   *
   * @param engine the engine, whose bundles decide
   * @param uriInfo the request's URIs, for {@code lang}
   * @param headers the request's headers, for {@code Accept-Language}
   * @return the locale
   */
  static Locale of(OperationEngine engine, UriInfo uriInfo, HttpHeaders headers) {
    List<Locale> preferred = new ArrayList<>(2);
    String pinned = uriInfo.getQueryParameters().getFirst(PARAMETER);
    if (pinned != null && TAG.matcher(pinned).matches()) {
      preferred.add(Locale.forLanguageTag(pinned));
    }
    // MalformedRequestFilter has answered 400 already if the header cannot be parsed.
    for (Locale locale : headers.getAcceptableLanguages()) {
      if (preferred.size() >= MOST) {
        break;
      }
      preferred.add(locale);
    }
    return engine.locale(preferred);
  }
}
