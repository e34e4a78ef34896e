package io.github.asyncops.jaxrs.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.NullNode;
import io.github.asyncops.core.OperationType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Binds a start request's JSON body to its type's parameter class, and turns every failure into a
 * 400 that names the field, as far as Jackson can tell which one it was.
 */
final class ParameterBinder {
  private ParameterBinder() {}

  /**
   * The bound parameters.
   *
   * @param value an instance of the type's parameter class, or null when the body gave none
   * @param tree the body as a JSON tree, {@link NullNode} when there was none
   */
  record Bound(Object value, JsonNode tree) {}

  /**
   * Binds a body.
   *
   * @param mapper the mapper
   * @param type the operation type
   * @param body the body; empty, blank or {@code null} means no parameters
   * @return the parameters
   * @throws ProblemException 400 if the body is not JSON or does not bind
   */
  static Bound bind(ObjectMapper mapper, OperationType type, byte[] body) {
    JsonNode tree = parse(mapper, body);
    if (tree.isNull()) {
      return new Bound(null, tree);
    }
    if (type.parameterType() == Void.class) {
      if (tree.isObject() && tree.isEmpty()) {
        return new Bound(null, tree);
      }
      throw Problem.INVALID_PARAMETERS.exception(Detail.of("no-parameters", type.name()));
    }
    try {
      return new Bound(mapper.treeToValue(tree, type.parameterType()), tree);
    } catch (JsonMappingException e) {
      String field = field(e);
      Detail detail =
          e instanceof MismatchedInputException && absent(tree, e)
              // A primitive or a required property that the body leaves out: Jackson reports it
              // as null for the field's type ("must be an integer"), but nothing was sent.
              ? Detail.of("required", field)
              : Detail.verbatim(describe(mapper, type, e, field));
      throw new ProblemException(Problem.INVALID_PARAMETERS.response(detail, field, null));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // A number out of its field's range, for example: Jackson names no field for those.
      throw Problem.INVALID_PARAMETERS.exception(
          Detail.of("out-of-range", Shapes.of(mapper, type.parameterType())));
    }
  }

  private static JsonNode parse(ObjectMapper mapper, byte[] body) {
    if (new String(body, StandardCharsets.UTF_8).isBlank()) {
      return NullNode.getInstance();
    }
    try {
      JsonNode tree = mapper.readTree(body);
      return tree == null || tree.isMissingNode() ? NullNode.getInstance() : tree;
    } catch (StreamConstraintsException e) {
      throw Problem.MALFORMED_JSON.exception(Detail.verbatim(tooBig(mapper, e)));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String what = e instanceof JsonEOFException ? "malformed-json.eof" : "malformed-json.content";
      throw Problem.MALFORMED_JSON.exception(
          at == null ? Detail.of(what) : Detail.of(what + ".at", at.getLineNr(), at.getColumnNr()));
    } catch (IOException e) {
      throw Problem.INVALID_REQUEST.exception(Detail.of("body-unreadable"));
    }
  }

  /** Says which of Jackson's read limits the body broke, without Jackson's method names. */
  private static String tooBig(ObjectMapper mapper, StreamConstraintsException e) {
    StreamReadConstraints limits = mapper.getFactory().streamReadConstraints();
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (message.contains("nesting")) {
      return "the request body nests JSON deeper than " + limits.getMaxNestingDepth() + " levels";
    }
    if (message.contains("number")) {
      return "a number in the request body has more than "
          + limits.getMaxNumberLength()
          + " digits";
    }
    if (message.contains("string") || message.contains("name")) {
      return "a text or field name in the request body is too long";
    }
    return "the request body is too large to read as JSON";
  }

  private static String field(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? null : path.toString();
  }

  /** Whether the body has no value at all where the failure happened: a field left out. */
  private static boolean absent(JsonNode tree, JsonMappingException e) {
    if (e.getPath().isEmpty()) {
      return false;
    }
    JsonNode node = tree;
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        node = node.path(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        node = node.path(reference.getIndex());
      } else {
        return false;
      }
    }
    return node.isMissingNode();
  }

  private static String describe(
      ObjectMapper mapper, OperationType type, JsonMappingException e, String field) {
    if (e instanceof UnrecognizedPropertyException) {
      return "unknown field '" + field + "'; " + Shapes.of(mapper, type.parameterType());
    }
    if (e instanceof ValueInstantiationException
        && e.getCause() instanceof IllegalArgumentException reason
        && reason.getMessage() != null) {
      // The parameter class's own check, written for callers like InvalidParametersException.
      return field == null ? reason.getMessage() : "field '" + field + "': " + reason.getMessage();
    }
    if (e instanceof MismatchedInputException mismatch && field != null) {
      return "field '" + field + "' must be " + expected(mismatch.getTargetType());
    }
    if (field != null) {
      return "field '"
          + field
          + "' has a value that does not fit; "
          + Shapes.of(mapper, type.parameterType());
    }
    return Shapes.of(mapper, type.parameterType());
  }

  /**
   * What a value of a type is called in a problem's detail: "an integer", "a string", "an object".
   *
   * @param target the type, or null when unknown
   * @return the words
   */
  static String expected(Class<?> target) {
    if (target == null) {
      return "of another type";
    }
    Class<?> t = target.isPrimitive() ? boxed(target) : target;
    if (t == Integer.class || t == Long.class || t == Short.class || t == Byte.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(t)) {
      return "a number";
    }
    if (t == Boolean.class) {
      return "true or false";
    }
    if (t == String.class || t == Character.class) {
      return "a string";
    }
    if (t.isEnum()) {
      return "one of "
          + Arrays.stream(t.getEnumConstants())
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
    }
    if (t.isArray() || Collection.class.isAssignableFrom(t)) {
      return "an array";
    }
    return "an object";
  }

  private static Class<?> boxed(Class<?> primitive) {
    if (primitive == int.class) {
      return Integer.class;
    }
    if (primitive == long.class) {
      return Long.class;
    }
    if (primitive == short.class) {
      return Short.class;
    }
    if (primitive == byte.class) {
      return Byte.class;
    }
    if (primitive == boolean.class) {
      return Boolean.class;
    }
    if (primitive == char.class) {
      return Character.class;
    }
    return Double.class;
  }
}
