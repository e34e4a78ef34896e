package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.OperationId;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link BlobStore} in memory, for tests. */
final class MemoryBlobStore implements BlobStore {
  final Map<OperationId, byte[]> blobs = new ConcurrentHashMap<>();

  @Override
  public long write(OperationId id, InputStream content) throws IOException {
    byte[] bytes = content.readAllBytes();
    blobs.put(id, bytes);
    return bytes.length;
  }

  @Override
  public InputStream read(OperationId id) throws IOException {
    byte[] bytes = blobs.get(id);
    if (bytes == null) {
      throw new FileNotFoundException(id.value());
    }
    return new ByteArrayInputStream(bytes);
  }

  @Override
  public void delete(OperationId id) {
    blobs.remove(id);
  }
}
