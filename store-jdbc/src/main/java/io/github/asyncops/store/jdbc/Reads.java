package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.spi.OperationRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Status reads, with auto-commit and no locks: what any node answers any caller. */
final class Reads {
  private final Database db;
  private final Rows rows;
  private final Writes writes;

  Reads(Database db, Rows rows, Writes writes) {
    this.db = db;
    this.rows = rows;
    this.writes = writes;
  }

  Optional<OperationRecord> find(OperationId id) {
    return Optional.ofNullable(
        db.read("find operation " + id, (c, attempt) -> writes.find(c, db.sql.findById, id)));
  }

  List<OperationRecord> list(OperationQuery query) {
    boolean owner = query.owner() != null;
    boolean key = query.key() != null;
    String statement = db.sql.list(owner, key, query.activeOnly());
    return db.read(
        "list operations of " + query.type(),
        (c, attempt) -> {
          try (PreparedStatement list = c.prepareStatement(statement)) {
            int i = 1;
            list.setString(i++, query.type());
            if (owner) {
              list.setString(i++, query.owner());
            }
            if (key) {
              list.setString(i++, query.key());
            }
            list.setInt(i, query.limit());
            List<OperationRecord> found = new ArrayList<>();
            try (ResultSet rs = list.executeQuery()) {
              while (rs.next()) {
                found.add(rows.read(rs));
              }
            }
            return found;
          }
        });
  }
}
