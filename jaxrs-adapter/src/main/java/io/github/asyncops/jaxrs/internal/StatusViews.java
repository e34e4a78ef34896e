package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.jaxrs.json.StatusJson;
import java.net.URI;

/**
 * Describes operations as one request's responses and events carry them, with links under the
 * request's base. Holds no request-scoped object, so it also works on other threads, for the
 * statuses an event stream sends later.
 */
final class StatusViews {
  private final StatusRenderings renderings;
  private final String basePath;
  private final URI applicationBase;

  /**
   * Creates the views of a request.
   *
   * @param renderings the renderings every request shares
   * @param basePath the absolute base path, such as {@code /api/operations}
   * @param applicationBase the request's application base URI
   */
  StatusViews(StatusRenderings renderings, String basePath, URI applicationBase) {
    this.renderings = renderings;
    this.basePath = basePath;
    this.applicationBase = applicationBase;
  }

  /**
   * Describes an operation, with links under this request's base.
   *
   * @param snapshot the operation
   * @return its JSON form
   */
  StatusJson json(OperationSnapshot snapshot) {
    return StatusJson.of(snapshot, basePath);
  }

  /**
   * The absolute URI of an operation's status.
   *
   * @param snapshot the operation
   * @return the URI, for a {@code Location} header
   */
  URI location(OperationSnapshot snapshot) {
    return applicationBase.resolve(json(snapshot).links().self());
  }

  /**
   * An operation's status as text and entity tag, rendered once per change for every request and
   * event stream that carries it.
   *
   * @param snapshot the operation
   * @return the rendering
   */
  StatusRenderings.Rendered render(OperationSnapshot snapshot) {
    return renderings.render(snapshot, basePath, this::json);
  }
}
