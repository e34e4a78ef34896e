package io.github.asyncops.jaxrs.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Describes in words the JSON a parameter class binds from, as Jackson sees it: "the body must be a
 * JSON object with an integer field rows". Used where Jackson's own message would name Java
 * classes.
 */
final class Shapes {
  private Shapes() {}

  /**
   * Describes what the body must be.
   *
   * @param mapper the mapper that binds the parameters
   * @param type the parameter class
   * @return a sentence for a problem's detail
   */
  static String of(ObjectMapper mapper, Class<?> type) {
    String value = ParameterBinder.expected(type);
    if (!value.equals("an object") || Map.class.isAssignableFrom(type)) {
      return "the body must be " + value;
    }
    BeanDescription bean = mapper.getDeserializationConfig().introspect(mapper.constructType(type));
    List<String> fields =
        bean.findProperties().stream()
            .filter(BeanPropertyDefinition::couldDeserialize)
            .map(p -> ParameterBinder.expected(p.getRawPrimaryType()) + " field " + p.getName())
            .collect(Collectors.toList());
    if (fields.isEmpty()) {
      return "the body must be a JSON object";
    }
    return "the body must be a JSON object with " + String.join(", ", fields);
  }
}
