package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.OperationEngine;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Locale;

/**
 * Renders a problem in the viewer's language as its response goes out, and says which: {@code
 * Content-Language}, and {@code Vary: Accept-Language}. The language comes from {@code ?lang=} and
 * {@code Accept-Language} as for statuses ({@link ViewerLocale}), among those the adapter's problem
 * bundles have ({@link ProblemTexts#choose}).
 */
final class ProblemLanguage {
  private static final Annotation[] NO_ANNOTATIONS = {};

  private ProblemLanguage() {}

  /**
   * Renders the response's problem, if it has one not rendered yet.
   *
   * @param engine the engine, whose language serves viewers who ask for none the bundles have
   * @param request the request
   * @param response the response
   */
  static void render(
      OperationEngine engine, ContainerRequestContext request, ContainerResponseContext response) {
    if (!(response.getEntity() instanceof PendingProblem problem)) {
      return;
    }
    List<Locale> preferred = ViewerLocale.preferred(request);
    Locale locale = ProblemTexts.choose(preferred, engine.textLanguage(preferred));
    response.setEntity(problem.render(locale), NO_ANNOTATIONS, Problem.MEDIA_TYPE);
    ViewerLocale.name(response, locale);
  }
}
