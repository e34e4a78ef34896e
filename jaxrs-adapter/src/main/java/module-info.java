/**
 * asyncops JAX-RS adapter: HTTP resources over every operation type of an engine. Start at {@link
 * io.github.asyncops.jaxrs.AsyncOpsFeature}. Exports the feature and resource, and the wire
 * records; how requests are handled ({@code io.github.asyncops.jaxrs.internal}) stays closed.
 */
module io.github.asyncops.jaxrs {
  requires transitive io.github.asyncops.core;
  requires transitive jakarta.ws.rs;
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.annotation;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires com.fasterxml.jackson.jakarta.rs.json;

  exports io.github.asyncops.jaxrs;
  exports io.github.asyncops.jaxrs.json;

  // The runtime fills the resource's private @Context fields.
  opens io.github.asyncops.jaxrs;
  // Jackson writes the wire records.
  opens io.github.asyncops.jaxrs.json to
      com.fasterxml.jackson.databind;
}
