package io.github.asyncops.store.jdbc;

/**
 * Turns operation parameters and value results into text for the database and back. Core has no
 * JSON library, so the application supplies one, typically a few lines over its JSON mapper:
 *
 * <pre>{@code
 * ValueCodec codec = new ValueCodec() {
 *   public String encode(Object value) throws Exception {
 *     return mapper.writeValueAsString(value);
 *   }
 *   public <T> T decode(String text, Class<T> type) throws Exception {
 *     return mapper.readValue(text, type);
 *   }
 * };
 * }</pre>
 *
 * <p>The store never decodes into a class named by the database: parameters are decoded into the
 * class the engine registered for their operation type (the provider's {@code parameterType()}; see
 * {@link JdbcOperationStore#register}), and value results into {@code Object.class}, which a JSON
 * mapper reads as maps, lists, strings, numbers and booleans. A codec must not enable polymorphic
 * typing that reads class names from the text.
 *
 * <p>Implementations must be thread-safe. The store calls them on the engine's and the callers'
 * threads; an exception thrown by {@link #encode} fails the start or the operation, one thrown by
 * {@link #decode} is reported as described on each store method.
 */
public interface ValueCodec {

  /**
   * Encodes a value.
   *
   * @param value parameters or a value result, never null
   * @return the text to store
   * @throws Exception if the value cannot be encoded
   */
  String encode(Object value) throws Exception;

  /**
   * Decodes a value that {@link #encode} produced.
   *
   * @param text the stored text, never null
   * @param type the class to decode into: a registered parameter class, or {@code Object.class}
   * @param <T> the class
   * @return the value
   * @throws Exception if the text cannot be decoded into that class
   */
  <T> T decode(String text, Class<T> type) throws Exception;
}
