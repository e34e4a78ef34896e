package io.github.asyncops.jaxrs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.jaxrs.json.StatusJson;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Renders each status once for every poll and event stream that carries it: the JSON text, the
 * entity tag (a SHA-256) and its header are computed when a status changes rather than on every
 * request, so an unchanged poll and an event sent to many streams cost little. Keeps the newest
 * rendering per active operation, drops it once the final state is rendered, and holds at most
 * {@link #CAPACITY} of them (operations that end unwatched would otherwise stay). Thread-safe.
 */
final class StatusRenderings {
  /** The most renderings kept; past it, half are dropped and rendered again when next asked. */
  static final int CAPACITY = 10_000;

  private final ObjectWriter writer = WireJsonProvider.mapper().writerFor(StatusJson.class);
  private final Map<OperationId, Rendered> newest = new ConcurrentHashMap<>();

  /** Creates an empty cache of renderings. */
  StatusRenderings() {}

  /**
   * A status as a response or an event carries it.
   *
   * @param snapshot the snapshot it was rendered from
   * @param base the base path its links are under
   * @param tag the entity tag value
   * @param entityTag the entity tag
   * @param etagHeader the {@code ETag} header's value
   * @param json the status JSON
   */
  record Rendered(
      OperationSnapshot snapshot,
      String base,
      String tag,
      EntityTag entityTag,
      String etagHeader,
      String json) {

    static Rendered of(OperationSnapshot snapshot, String base, String tag, String json) {
      EntityTag entityTag = new EntityTag(tag);
      String header =
          RuntimeDelegate.getInstance().createHeaderDelegate(EntityTag.class).toString(entityTag);
      return new Rendered(snapshot, base, tag, entityTag, header, json);
    }
  }

  /**
   * Renders a snapshot, or returns the rendering of an equal one under the same base path.
   *
   * @param snapshot the status
   * @param base the base path of the links
   * @param json describes the snapshot on the wire
   * @return the rendering
   */
  Rendered render(
      OperationSnapshot snapshot, String base, Function<OperationSnapshot, StatusJson> json) {
    Rendered cached = newest.get(snapshot.id());
    if (cached != null && cached.base().equals(base) && cached.snapshot().equals(snapshot)) {
      return cached;
    }
    Rendered rendered;
    try {
      rendered =
          Rendered.of(
              snapshot,
              base,
              ETags.value(snapshot),
              writer.writeValueAsString(json.apply(snapshot)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    if (snapshot.active()) {
      if (newest.size() >= CAPACITY) {
        shrink();
      }
      newest.put(snapshot.id(), rendered);
    } else {
      newest.remove(snapshot.id());
    }
    return rendered;
  }

  private void shrink() {
    Iterator<OperationId> ids = newest.keySet().iterator();
    for (int i = 0; i < CAPACITY / 2 && ids.hasNext(); i++) {
      ids.next();
      ids.remove();
    }
  }
}
