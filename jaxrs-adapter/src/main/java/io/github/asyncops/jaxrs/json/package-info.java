/**
 * The JSON that the adapter writes, as records: {@link io.github.asyncops.jaxrs.json.StatusJson}
 * (one operation, with its {@link io.github.asyncops.jaxrs.json.LinksJson links}), {@link
 * io.github.asyncops.jaxrs.json.TypeJson} (one operation type) and {@link
 * io.github.asyncops.jaxrs.json.ProblemJson} (an RFC 9457 error). Clients written in Java can read
 * responses into them; the module README shows the same shapes as JSON.
 */
package io.github.asyncops.jaxrs.json;
