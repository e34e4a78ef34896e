package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.spi.Handover;
import io.github.asyncops.core.spi.OperationRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A finish and the claim that refills its slot. On PostgreSQL a claimed operation's finish without
 * content to insert and the claim are one statement that commits by itself, so a worker thread that
 * ends one operation and takes the next costs one transaction, not two. Otherwise they are the two
 * writes of {@link Writes}.
 */
final class Handovers {
  private final Database db;
  private final Rows rows;
  private final Writes writes;

  Handovers(Database db, Rows rows, Writes writes) {
    this.db = db;
    this.rows = rows;
    this.writes = writes;
  }

  Handover finishAndClaim(Writes.Finish f, String type, int max, String node, Instant now) {
    if (!writes.oneStatement(f)) {
      return new Handover(writes.finish(f), writes.claim(type, max, node, now));
    }
    return db.statement(
        "finish operation " + f.id() + " and claim operations of " + type,
        (c, attempt) -> {
          OperationRecord finished = null;
          List<OperationRecord> rowsClaimed = new ArrayList<>();
          List<String> parameters = new ArrayList<>();
          try (PreparedStatement handover = c.prepareStatement(db.sql.handover)) {
            Writes.bindFinish(handover, f);
            Writes.bindClaim(handover, 15, type, max, node, now);
            try (ResultSet rs = handover.executeQuery()) {
              while (rs.next()) {
                if (rs.getBoolean("finishing")) {
                  finished = rows.readWithoutParameters(rs);
                } else {
                  rowsClaimed.add(rows.readWithoutParameters(rs));
                  parameters.add(rs.getString(9));
                }
              }
            }
          }
          return new Handover(
              Optional.ofNullable(finished), writes.toRun(c, type, rowsClaimed, parameters, now));
        });
  }
}
