package io.github.asyncops.spring.boot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.asyncops.store.jdbc.ValueCodec;

/**
 * Stores parameters and value results as JSON with Jackson, for the JDBC store when the application
 * declares no {@link ValueCodec} bean.
 */
final class JacksonValueCodec implements ValueCodec {
  private final ObjectMapper mapper;

  JacksonValueCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public String encode(Object value) throws Exception {
    return mapper.writeValueAsString(value);
  }

  @Override
  public <T> T decode(String text, Class<T> type) throws Exception {
    return mapper.readValue(text, type);
  }
}
