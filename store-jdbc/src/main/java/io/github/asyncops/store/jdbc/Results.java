package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Keeps results: values encoded by the codec in the operation's row, downloads up to the size limit
 * in the result table, larger downloads in the {@link BlobStore}. Downloads are read back lazily,
 * when they are served, so status reads never load their bytes.
 */
final class Results {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.store.jdbc");

  private final ValueCodec codec;
  private final BlobStore blobs;
  private final long maxBytes;
  private final Database database;

  Results(ValueCodec codec, BlobStore blobs, long maxBytes, Database database) {
    this.codec = codec;
    this.blobs = blobs;
    this.maxBytes = maxBytes;
    this.database = database;
  }

  /**
   * Prepares a result for its row: encodes a value, reads a download's content. Never throws: a
   * result that cannot be kept comes back with a {@link StoredResult#failure()}, logged here.
   */
  StoredResult store(OperationId id, OperationResult result) {
    if (result instanceof OperationResult.Value value) {
      return value(id, value);
    }
    if (result instanceof OperationResult.Download download) {
      return download(id, download);
    }
    return StoredResult.none();
  }

  private StoredResult value(OperationId id, OperationResult.Value value) {
    String text;
    try {
      text = codec.encode(value.value());
    } catch (Exception e) {
      LOG.log(Level.WARNING, "the result of operation " + id + " could not be encoded", e);
      return StoredResult.failed("the result could not be stored");
    }
    if (text.length() > maxBytes || text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
      return tooLarge(id);
    }
    return new StoredResult(StoredResult.VALUE, text, null, null, -1, null, value, null);
  }

  private StoredResult download(OperationId id, OperationResult.Download download) {
    try (InputStream in = download.content().open()) {
      byte[] head = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBytes + 1));
      if (head.length <= maxBytes) {
        return new StoredResult(
            StoredResult.BYTES,
            null,
            download.mediaType(),
            download.fileName(),
            head.length,
            head,
            lazyDownload(
                id, StoredResult.BYTES, download.mediaType(), download.fileName(), head.length),
            null);
      }
      if (blobs == null) {
        return tooLarge(id);
      }
      long length = blobs.write(id, new SequenceInputStream(new ByteArrayInputStream(head), in));
      return new StoredResult(
          StoredResult.BLOB,
          null,
          download.mediaType(),
          download.fileName(),
          length,
          null,
          lazyDownload(id, StoredResult.BLOB, download.mediaType(), download.fileName(), length),
          null);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "the download of operation " + id + " could not be stored", e);
      return StoredResult.failed("the result could not be stored");
    }
  }

  private StoredResult tooLarge(OperationId id) {
    String message = "the result is larger than the store's limit of " + maxBytes + " bytes";
    LOG.log(
        Level.WARNING,
        "operation "
            + id
            + ": "
            + message
            + (blobs == null ? "; configure a BlobStore to keep larger downloads" : ""));
    return StoredResult.failed(message);
  }

  /** Builds the result a row describes. */
  OperationResult read(
      OperationId id, String kind, String value, String mediaType, String fileName, long length)
      throws SQLException {
    switch (kind) {
      case StoredResult.VALUE:
        try {
          return OperationResult.of(codec.decode(value, Object.class));
        } catch (Exception e) {
          throw new SQLException("the result of operation " + id + " could not be decoded", e);
        }
      case StoredResult.BYTES:
      case StoredResult.BLOB:
        return lazyDownload(id, kind, mediaType, fileName, length);
      default:
        return OperationResult.none();
    }
  }

  private OperationResult lazyDownload(
      OperationId id, String kind, String mediaType, String fileName, long length) {
    OperationResult.Content content =
        StoredResult.BLOB.equals(kind) ? () -> openBlob(id) : () -> openBytes(id);
    return new OperationResult.Download(mediaType, fileName, length, content);
  }

  /** Deletes a forgotten operation's blob, if it had one; failures are logged. */
  void deleteBlob(OperationId id) {
    if (blobs == null) {
      return;
    }
    try {
      blobs.delete(id);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "could not delete the stored download of operation " + id, e);
    }
  }

  private InputStream openBlob(OperationId id) throws IOException {
    if (blobs == null) {
      throw new IOException(
          "the download of operation "
              + id
              + " is in a BlobStore, and this node has none configured");
    }
    return blobs.read(id);
  }

  private InputStream openBytes(OperationId id) throws IOException {
    try {
      byte[] bytes =
          database.read(
              "read the download of " + id,
              (connection, attempt) -> {
                try (PreparedStatement find =
                    connection.prepareStatement(database.sql.findContent)) {
                  find.setString(1, id.value());
                  try (ResultSet rs = find.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                  }
                }
              });
      if (bytes == null) {
        throw new IOException("the download of operation " + id + " was forgotten");
      }
      return new ByteArrayInputStream(bytes);
    } catch (JdbcStoreException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
