package io.github.asyncops.store.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A {@link ValueCodec} over Jackson, as an application writes one; the README shows this class. */
public final class JacksonCodec implements ValueCodec {
  private final ObjectMapper mapper;

  /**
   * Creates a codec.
   *
   * @param mapper the application's mapper, without default typing
   */
  public JacksonCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Creates a codec over a plain mapper. */
  public JacksonCodec() {
    this(new ObjectMapper());
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
