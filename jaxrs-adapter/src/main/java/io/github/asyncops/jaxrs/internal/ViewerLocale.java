package io.github.asyncops.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
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
 * the operation types' bundles have, else its default ({@code OperationEngine.locale}).
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
   * The languages a request asks for, most preferred first: {@code lang}, then {@code
   * Accept-Language}.
   *
   * @param uriInfo the request's URIs, for {@code lang}
   * @param acceptable the languages of {@code Accept-Language}, as the runtime parsed them
   * @return at most {@value #MOST} locales
   */
  static List<Locale> preferred(UriInfo uriInfo, List<Locale> acceptable) {
    List<Locale> preferred = new ArrayList<>(2);
    String pinned = uriInfo.getQueryParameters().getFirst(PARAMETER);
    if (pinned != null && TAG.matcher(pinned).matches()) {
      preferred.add(Locale.forLanguageTag(pinned));
    }
    for (Locale locale : acceptable) {
      if (preferred.size() >= MOST) {
        break;
      }
      preferred.add(locale);
    }
    return preferred;
  }

  /**
   * The languages a request asks for, as a filter sees it: a malformed {@code Accept-Language}
   * counts as none (the request gets its 400 from {@code MalformedRequestFilter}).
   *
   * @param request the request
   * @return at most {@value #MOST} locales
   */
  static List<Locale> preferred(ContainerRequestContext request) {
    List<Locale> acceptable;
    try {
      acceptable = request.getAcceptableLanguages();
    } catch (RuntimeException e) {
      acceptable = List.of();
    }
    return preferred(request.getUriInfo(), acceptable);
  }

  /**
   * Says in a response's headers which language its texts are in: {@code Content-Language}, and
   * {@code Vary: Accept-Language} unless it varies so already.
   *
   * @param response the response on its way out
   * @param language the language
   */
  static void name(ContainerResponseContext response, Locale language) {
    response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag());
    String vary = response.getHeaderString(HttpHeaders.VARY);
    if (vary == null || !vary.toLowerCase(Locale.ROOT).contains("accept-language")) {
      response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }
  }
}
