package io.github.asyncops.jaxrs.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Derives the JSON Schema (2020-12, as OpenAPI 3.1 uses it) of a type's start parameters from its
 * parameter class, as the adapter's {@link ObjectMapper} sees that class: the property names and
 * types it binds, {@code additionalProperties: false} when it fails on unknown fields, and {@code
 * required} for properties marked so. Reference types also allow {@code null}, which binds.
 *
 * <p>Covers what parameter classes hold: records and beans, primitives and their boxes, strings,
 * enums, {@code java.time} values, arrays, collections and maps. A class that refers back to itself
 * is described as an object at the second visit.
 */
final class ParameterSchemas {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Map<Class<?>, String[]> SIMPLE =
      Map.ofEntries(
          Map.entry(String.class, new String[] {"string", null}),
          Map.entry(Character.class, new String[] {"string", null}),
          Map.entry(UUID.class, new String[] {"string", "uuid"}),
          Map.entry(URI.class, new String[] {"string", "uri"}),
          Map.entry(Instant.class, new String[] {"string", "date-time"}),
          Map.entry(OffsetDateTime.class, new String[] {"string", "date-time"}),
          Map.entry(ZonedDateTime.class, new String[] {"string", "date-time"}),
          Map.entry(LocalDateTime.class, new String[] {"string", null}),
          Map.entry(LocalDate.class, new String[] {"string", "date"}),
          Map.entry(LocalTime.class, new String[] {"string", "time"}),
          Map.entry(Duration.class, new String[] {"string", "duration"}),
          Map.entry(Boolean.class, new String[] {"boolean", null}),
          Map.entry(Byte.class, new String[] {"integer", "int32"}),
          Map.entry(Short.class, new String[] {"integer", "int32"}),
          Map.entry(Integer.class, new String[] {"integer", "int32"}),
          Map.entry(Long.class, new String[] {"integer", "int64"}),
          Map.entry(BigInteger.class, new String[] {"integer", null}),
          Map.entry(Float.class, new String[] {"number", "float"}),
          Map.entry(Double.class, new String[] {"number", "double"}),
          Map.entry(BigDecimal.class, new String[] {"number", null}));

  private final ObjectMapper mapper;
  private final Set<Class<?>> visiting = new HashSet<>();

  private ParameterSchemas(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * The schema of a parameter class.
   *
   * @param mapper the mapper that binds start bodies
   * @param parameterType the type's parameter class; {@code Void} takes none
   * @return the schema
   */
  static ObjectNode of(ObjectMapper mapper, Class<?> parameterType) {
    if (parameterType == Void.class) {
      ObjectNode none = NODES.objectNode().put("type", "object").put("maxProperties", 0);
      return none.put("description", "This type takes no parameters: send {} or no body");
    }
    return new ParameterSchemas(mapper).schema(mapper.constructType(parameterType));
  }

  private ObjectNode schema(JavaType type) {
    Class<?> raw = type.getRawClass();
    if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
      return NODES.objectNode();
    }
    boolean primitive = raw.isPrimitive();
    Class<?> boxed = primitive ? box(raw) : raw;
    String[] simple = SIMPLE.get(boxed);
    if (simple != null) {
      ObjectNode schema = typed(simple[0], primitive);
      return simple[1] == null ? schema : schema.put("format", simple[1]);
    }
    if (raw.isEnum()) {
      ArrayNode values = NODES.arrayNode();
      for (Object constant : raw.getEnumConstants()) {
        values.add(mapper.convertValue(constant, String.class));
      }
      values.addNull();
      return NODES.objectNode().set("enum", values);
    }
    if (type.isArrayType() || type.isCollectionLikeType()) {
      ObjectNode schema = typed("array", false);
      schema.set("items", schema(type.getContentType()));
      return schema;
    }
    if (type.isMapLikeType()) {
      ObjectNode schema = typed("object", false);
      schema.set("additionalProperties", schema(type.getContentType()));
      return schema;
    }
    return bean(type);
  }

  private ObjectNode bean(JavaType type) {
    ObjectNode schema = typed("object", false);
    if (!visiting.add(type.getRawClass())) {
      return schema;
    }
    BeanDescription description = mapper.getDeserializationConfig().introspect(type);
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    for (BeanPropertyDefinition property : description.findProperties()) {
      if (!property.couldDeserialize()) {
        continue;
      }
      properties.set(property.getName(), schema(property.getPrimaryType()));
      if (property.isRequired()) {
        required.add(property.getName());
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    if (mapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)) {
      schema.put("additionalProperties", false);
    }
    visiting.remove(type.getRawClass());
    return schema;
  }

  private static ObjectNode typed(String name, boolean primitive) {
    ObjectNode schema = NODES.objectNode();
    if (primitive) {
      return schema.put("type", name);
    }
    schema.putArray("type").add(name).add("null");
    return schema;
  }

  private static Class<?> box(Class<?> primitive) {
    return switch (primitive.getName()) {
      case "boolean" -> Boolean.class;
      case "byte" -> Byte.class;
      case "short" -> Short.class;
      case "char" -> Character.class;
      case "int" -> Integer.class;
      case "long" -> Long.class;
      case "float" -> Float.class;
      default -> Double.class;
    };
  }
}
