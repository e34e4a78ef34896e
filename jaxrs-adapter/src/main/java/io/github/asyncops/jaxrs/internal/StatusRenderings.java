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
import java.util.function.UnaryOperator;

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

  /** The most languages kept per operation; a rendering in another language is not kept. */
  static final int LANGUAGES = 8;

  private final ObjectWriter writer = WireJsonProvider.mapper().writerFor(StatusJson.class);
  // Per operation, the newest rendering in each language asked for.
  private final Map<OperationId, Map<String, Rendered>> newest = new ConcurrentHashMap<>();

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
   * Renders a snapshot in a language, or returns the rendering of an equal one under the same base
   * path in that language. The snapshot's messages are rendered only when it changed, not for every
   * poll.
   *
   * @param snapshot the status as the engine gave it
   * @param base the base path of the links
   * @param language the language tag of the representation
   * @param localize renders the snapshot's messages in that language
   * @param json describes the localized snapshot on the wire
   * @return the rendering
   */
  Rendered render(
      OperationSnapshot snapshot,
      String base,
      String language,
      UnaryOperator<OperationSnapshot> localize,
      Function<OperationSnapshot, StatusJson> json) {
    Map<String, Rendered> languages = newest.get(snapshot.id());
    Rendered cached = languages == null ? null : languages.get(language);
    if (cached != null && cached.base().equals(base) && cached.snapshot().equals(snapshot)) {
      return cached;
    }
    OperationSnapshot shown = localize.apply(snapshot);
    Rendered rendered;
    try {
      rendered =
          Rendered.of(
              snapshot,
              base,
              ETags.value(shown, language),
              writer.writeValueAsString(json.apply(shown)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    if (snapshot.active()) {
      if (languages == null) {
        if (newest.size() >= CAPACITY) {
          shrink();
        }
        languages = newest.computeIfAbsent(snapshot.id(), id -> new ConcurrentHashMap<>());
      }
      if (languages.size() < LANGUAGES) {
        languages.put(language, rendered);
      }
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
