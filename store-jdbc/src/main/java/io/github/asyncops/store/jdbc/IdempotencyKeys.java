package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The idempotency keys of the operation table. The unique index on {@code (type_name, idem_key)}
 * lets one row hold a key at a time; an insert looks for the holder first, and again when its start
 * is refused, because a concurrent insert with the key may have committed in between. An insert
 * that loses the race at the index fails with a unique violation, and its retry replays.
 */
final class IdempotencyKeys {
  private final Sql sql;
  private final Rows rows;

  IdempotencyKeys(Sql sql, Rows rows) {
    this.sql = sql;
    this.rows = rows;
  }

  /** The record that holds the key of {@code record}, or null if none does or it has no key. */
  OperationRecord holder(Connection c, OperationRecord record) throws SQLException {
    if (record.idempotency() == null) {
      return null;
    }
    try (PreparedStatement find = c.prepareStatement(sql.findByIdempotencyKey)) {
      find.setString(1, record.type());
      find.setString(2, column(record));
      try (ResultSet rs = find.executeQuery()) {
        return rs.next() ? rows.read(rs) : null;
      }
    }
  }

  /** A refused insert's answer: the refusal, or the replay of a holder that committed meanwhile. */
  InsertResult refusal(Connection c, OperationRecord record, InsertResult refusal)
      throws SQLException {
    OperationRecord holder = holder(c, record);
    return holder == null ? refusal : new InsertResult.Replay(holder);
  }

  /**
   * The {@code idem_key} of a record: its owner and idempotency key as one value, so that the
   * unique index also tells a NULL owner apart. The owner's length in chars, ':', the owner and the
   * key; or ':' and the key for a NULL owner.
   *
   * @return the value, or null if the record has no idempotency key
   */
  static String column(OperationRecord r) {
    if (r.idempotency() == null) {
      return null;
    }
    String owner = r.owner();
    return owner == null
        ? ":" + r.idempotency().key()
        : owner.length() + ":" + owner + r.idempotency().key();
  }

  /** The idempotency key in a {@link #column}, or null. */
  static String keyOf(String column) {
    if (column == null) {
      return null;
    }
    int colon = column.indexOf(':');
    int owner = colon == 0 ? 0 : Integer.parseInt(column.substring(0, colon));
    return column.substring(colon + 1 + owner);
  }
}
