package io.github.asyncops.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * What a finished operation produced: nothing, a value, or a download.
 *
 * <p>A worker returns one from {@link io.github.asyncops.core.spi.Worker#run}.
 */
public sealed interface OperationResult
    permits OperationResult.None, OperationResult.Value, OperationResult.Download {

  /**
   * The empty result.
   *
   * @return the result that says there is none
   */
  static OperationResult none() {
    return None.INSTANCE;
  }

  /**
   * A value result, served as JSON by the HTTP adapter.
   *
   * @param value the value, not null
   * @return the result
   */
  static OperationResult of(Object value) {
    return new Value(value);
  }

  /**
   * A download held in memory.
   *
   * @param mediaType the media type, for example {@code text/csv}
   * @param fileName the file name offered to the browser
   * @param bytes the content
   * @return the result
   */
  static OperationResult download(String mediaType, String fileName, byte[] bytes) {
    byte[] copy = bytes.clone();
    return new Download(mediaType, fileName, copy.length, () -> new ByteArrayInputStream(copy));
  }

  /** There is no result. */
  enum None implements OperationResult {
    /** The only instance. */
    INSTANCE
  }

  /**
   * A value.
   *
   * @param value the value, not null
   */
  record Value(Object value) implements OperationResult {
    /**
     * Creates a value result.
     *
     * @param value the value, not null
     * @throws NullPointerException if {@code value} is null
     */
    public Value {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A stream of bytes with a media type and a file name.
   *
   * @param mediaType the media type
   * @param fileName the file name offered to the browser
   * @param length the length in bytes, or -1 if unknown
   * @param content opens the content; may be called once per download
   */
  record Download(String mediaType, String fileName, long length, Content content)
      implements OperationResult {
    /**
     * Creates a download result.
     *
     * @param mediaType the media type
     * @param fileName the file name offered to the browser
     * @param length the length in bytes, or -1 if unknown
     * @param content opens the content
     * @throws NullPointerException if an argument is null
     */
    public Download {
      Objects.requireNonNull(mediaType, "mediaType");
      Objects.requireNonNull(fileName, "fileName");
      Objects.requireNonNull(content, "content");
    }
  }

  /** Opens a download's content. */
  @FunctionalInterface
  interface Content {
    /**
     * Opens a fresh stream over the content. Called on the thread that serves the download.
     *
     * @return the stream, which the caller closes
     * @throws IOException if the content cannot be read
     */
    InputStream open() throws IOException;
  }
}
