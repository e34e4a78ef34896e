package io.github.asyncops.jaxrs.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import io.github.asyncops.jaxrs.json.AdminDetailJson;
import io.github.asyncops.jaxrs.json.AdminPageJson;
import io.github.asyncops.jaxrs.json.AdminRowJson;
import io.github.asyncops.jaxrs.json.LinksJson;
import io.github.asyncops.jaxrs.json.ProblemJson;
import io.github.asyncops.jaxrs.json.StatusJson;
import io.github.asyncops.jaxrs.json.SummaryJson;
import io.github.asyncops.jaxrs.json.TypeJson;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * Writes the adapter's wire records, and arrays of them, as JSON with instants as ISO-8601 strings.
 * It reads nothing and writes nothing else, so it leaves the application's own JSON to the
 * application's provider, and its own mapper keeps the wire format whatever that provider does.
 */
final class WireJsonProvider extends JacksonJsonProvider {
  /**
   * The priority to register it with: ahead of an application's JSON provider with the default
   * priority, which would otherwise also claim the wire records.
   */
  static final int PRIORITY = Priorities.USER - 100;

  private static final Set<Class<?>> WIRE =
      Set.of(
          StatusJson.class,
          LinksJson.class,
          TypeJson.class,
          ProblemJson.class,
          AdminPageJson.class,
          AdminRowJson.class,
          AdminDetailJson.class,
          SummaryJson.class);

  /** Creates the provider with the wire mapper. */
  WireJsonProvider() {
    super(mapper());
  }

  /**
   * The mapper for the wire records.
   *
   * @return a new mapper that writes instants as ISO-8601 strings
   */
  static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return false;
  }

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    Class<?> element = type.isArray() ? type.getComponentType() : type;
    return WIRE.contains(element) && super.isWriteable(type, genericType, annotations, mediaType);
  }
}
