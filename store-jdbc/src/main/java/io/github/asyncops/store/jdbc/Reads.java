package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationSummary;
import io.github.asyncops.core.spi.OperationRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Status reads, with auto-commit and no locks: what any node answers any caller. */
final class Reads {
  private final Database db;
  private final Rows rows;
  private final Writes writes;
  private final AdminQueries admin;

  Reads(Database db, Rows rows, Writes writes) {
    this.db = db;
    this.rows = rows;
    this.writes = writes;
    this.admin = new AdminQueries(db, rows);
  }

  Optional<OperationRecord> find(OperationId id) {
    return Optional.ofNullable(
        db.read("find operation " + id, (c, attempt) -> writes.find(c, db.sql.findById, id)));
  }

  List<OperationRecord> list(OperationQuery query) {
    return admin.list(query);
  }

  OperationSummary summary(Instant now) {
    return admin.summary(now);
  }
}
