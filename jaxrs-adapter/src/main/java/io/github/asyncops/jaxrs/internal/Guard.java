package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.AsyncOpsException;
import jakarta.ws.rs.WebApplicationException;
import java.lang.System.Logger.Level;

/**
 * Keeps unexpected failures of the adapter's resource (a store that is down, a provider whose
 * {@code validate} throws something else than {@code InvalidParametersException}) from reaching the
 * container, which would answer with its own error page. The adapter does not register a mapper for
 * every exception, because that would change how the rest of the application fails.
 */
final class Guard {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.jaxrs");

  private Guard() {}

  /**
   * Passes on what a mapper already handles, and logs anything else and turns it into a 500
   * problem.
   *
   * @param failure what the resource method threw
   * @return the exception to throw or resume with
   */
  static RuntimeException failure(RuntimeException failure) {
    if (failure instanceof AsyncOpsException || failure instanceof WebApplicationException) {
      return failure;
    }
    LOG.log(Level.ERROR, "an asyncops request failed", failure);
    return Problem.INTERNAL.exception(Detail.of("internal"));
  }
}
