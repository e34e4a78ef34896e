package io.github.asyncops.jaxrs.json;

/**
 * Where to go next from one operation: absolute-path URI references, resolved against the request
 * URI (for example {@code /api/operations/missile-launch/k3J...}).
 *
 * @param self the operation's status
 * @param stop where to {@code POST} a stop request
 * @param result where to {@code GET} the result once the operation ended
 * @param events the {@code text/event-stream} of status events
 */
public record LinksJson(String self, String stop, String result, String events) {

  /**
   * Builds the links of one operation.
   *
   * @param basePath the adapter's base as an absolute path, for example {@code /api/operations}
   * @param type the operation type's name, URL-safe by construction
   * @param id the operation's id, URL-safe by construction
   * @return the links
   */
  public static LinksJson of(String basePath, String type, String id) {
    String self = basePath + "/" + type + "/" + id;
    return new LinksJson(self, self + "/stop", self + "/result", self + "/events");
  }
}
