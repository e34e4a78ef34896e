package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.OperationResult;

/**
 * A result as a row keeps it, made by {@link Results#store} before the finishing transaction.
 *
 * @param kind {@code NONE}, {@code VALUE}, {@code BYTES} (in the result table) or {@code BLOB} (in
 *     the blob store)
 * @param value the encoded value, or null
 * @param mediaType the download's media type, or null
 * @param fileName the download's file name, or null
 * @param length the download's length in bytes, or -1
 * @param bytes the download's content for the result table, or null
 * @param result what the finishing call returns to the engine
 * @param failure why the result could not be kept, which fails the operation; or null
 */
record StoredResult(
    String kind,
    String value,
    String mediaType,
    String fileName,
    long length,
    byte[] bytes,
    OperationResult result,
    String failure) {

  static final String NONE = "NONE";
  static final String VALUE = "VALUE";
  static final String BYTES = "BYTES";
  static final String BLOB = "BLOB";

  static StoredResult none() {
    return new StoredResult(NONE, null, null, null, -1, null, OperationResult.none(), null);
  }

  static StoredResult failed(String failure) {
    return new StoredResult(NONE, null, null, null, -1, null, OperationResult.none(), failure);
  }
}
