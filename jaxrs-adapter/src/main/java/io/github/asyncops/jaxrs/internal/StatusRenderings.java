package io.github.asyncops.jaxrs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.jaxrs.json.StatusJson;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Renders each status once for all the event streams that carry it: the engine hands the same
 * snapshot to every watcher of an operation, so the JSON text and the entity tag (a SHA-256) are
 * computed once per change rather than once per stream. Keeps the newest rendering per operation
 * and drops it once the final state was rendered. Links are absolute paths under the one base
 * path, so the text is the same for every client. Thread-safe.
 */
public final class StatusRenderings {
  private final ObjectWriter writer = WireJsonProvider.mapper().writerFor(StatusJson.class);
  private final Map<OperationId, Rendered> newest = new ConcurrentHashMap<>();

  /**
   * A status as an event carries it.
   *
   * @param snapshot the snapshot it was rendered from
   * @param tag the entity tag value
   * @param json the status JSON
   */
  public record Rendered(OperationSnapshot snapshot, String tag, String json) {}

  /**
   * Renders a snapshot, or returns its rendering if another stream already made it.
   *
   * @param snapshot the status
   * @param json describes the snapshot on the wire
   * @return the rendering
   */
  public Rendered render(OperationSnapshot snapshot, Function<OperationSnapshot, StatusJson> json) {
    Rendered cached = newest.get(snapshot.id());
    if (cached != null && cached.snapshot() == snapshot) {
      return cached;
    }
    Rendered rendered;
    try {
      rendered =
          new Rendered(snapshot, ETags.value(snapshot), writer.writeValueAsString(json.apply(snapshot)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    if (snapshot.active()) {
      newest.put(snapshot.id(), rendered);
    } else {
      newest.remove(snapshot.id());
    }
    return rendered;
  }
}
