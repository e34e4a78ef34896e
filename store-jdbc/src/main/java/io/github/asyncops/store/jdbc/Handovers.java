package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Handover;
import io.github.asyncops.core.spi.OperationRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Finishes and the claims that refill their slots, written together.
 *
 * <p>Design notes. On PostgreSQL a claimed operation's finish without content to insert and the
 * claim of its successor are one statement that commits by itself ({@link Sql#handover}), so a
 * worker thread that ends one operation and takes the next costs one transaction, not two. Worker
 * threads that end operations while another thread of this node is writing such a statement wait
 * for it and are then written together by one of them, in one statement per type: a busy node makes
 * fewer, larger writes, like a database's group commit. The claimed records go to the waiting
 * threads in turn, each getting up to the number it asked for. Otherwise (H2, a result with
 * content, an operation that never ran) finish and claim are the two writes of {@link Writes}.
 */
final class Handovers {
  /** One thread's finish and claim, and the answer it waits for. */
  private record Request(
      Writes.Finish finish, ClaimRequest next, Instant now, CompletableFuture<Handover> answer) {}

  /** The requests one statement writes. */
  private record Group(String type, String node) {}

  /** What one statement wrote. */
  private record Written(List<OperationRecord> finished, List<OperationRecord> claimed) {}

  private final Database db;
  private final Rows rows;
  private final Writes writes;
  private final Queue<Request> waiting = new ConcurrentLinkedQueue<>();
  private final Object writing = new Object();

  Handovers(Database db, Rows rows, Writes writes) {
    this.db = db;
    this.rows = rows;
    this.writes = writes;
  }

  Handover finishAndClaim(Writes.Finish f, ClaimRequest next, Instant now) {
    if (!writes.oneStatement(f)) {
      return new Handover(writes.finish(f), writes.claim(next, now));
    }
    Request mine = new Request(f, next, now, new CompletableFuture<>());
    waiting.add(mine);
    synchronized (writing) {
      // A thread that wrote before this one got here may have taken this request along.
      if (!mine.answer().isDone()) {
        List<Request> batch = new ArrayList<>();
        for (Request r = waiting.poll(); r != null; r = waiting.poll()) {
          batch.add(r);
        }
        write(batch);
      }
    }
    try {
      return mine.answer().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException failure ? failure : e;
    }
  }

  private void write(List<Request> batch) {
    Map<Group, List<Request>> groups = new LinkedHashMap<>();
    for (Request r : batch) {
      groups
          .computeIfAbsent(new Group(r.next().type(), r.next().node()), g -> new ArrayList<>())
          .add(r);
    }
    groups.forEach(
        (group, requests) -> {
          try {
            answer(requests, write(group, requests));
          } catch (RuntimeException e) {
            requests.forEach(r -> r.answer().completeExceptionally(e));
          }
        });
  }

  /** Gives each request its finished record and up to {@code max} of the claimed, in turn. */
  private static void answer(List<Request> requests, Written written) {
    Map<String, OperationRecord> finished = new HashMap<>();
    written.finished().forEach(r -> finished.put(r.id().value(), r));
    List<OperationRecord> claimed = written.claimed();
    int next = 0;
    for (Request r : requests) {
      int end = Math.min(claimed.size(), next + r.next().max());
      r.answer()
          .complete(
              new Handover(
                  Optional.ofNullable(finished.get(r.finish().id().value())),
                  claimed.subList(next, end)));
      next = end;
    }
  }

  /** Writes one group's finishes and claims in one statement. */
  private Written write(Group group, List<Request> requests) {
    Instant now = requests.stream().map(Request::now).max(Instant::compareTo).orElseThrow();
    int max = requests.stream().mapToInt(r -> r.next().max()).sum();
    return db.statement(
        "finish " + requests.size() + " operations and claim operations of " + group.type(),
        (c, attempt) -> {
          List<OperationRecord> finished = new ArrayList<>();
          List<OperationRecord> rowsClaimed = new ArrayList<>();
          List<String> parameters = new ArrayList<>();
          try (PreparedStatement handover = c.prepareStatement(db.sql.handover)) {
            int next = bindFinishes(c, handover, requests);
            Writes.bindClaim(
                handover, next, new ClaimRequest(group.type(), max, group.node()), now);
            try (ResultSet rs = handover.executeQuery()) {
              while (rs.next()) {
                if (rs.getBoolean("finishing")) {
                  finished.add(rows.readWithoutParameters(rs));
                } else {
                  rowsClaimed.add(rows.readWithoutParameters(rs));
                  parameters.add(rs.getString(9));
                }
              }
            }
          }
          return new Written(finished, writes.toRun(c, group.type(), rowsClaimed, parameters, now));
        });
  }

  /**
   * Binds the finishes as {@link Sql#handover}'s text arrays and the ids again.
   *
   * @return the index of the next parameter
   */
  private static int bindFinishes(Connection c, PreparedStatement handover, List<Request> requests)
      throws SQLException {
    int n = requests.size();
    String[][] columns = new String[Sql.FINISH_ARRAYS][n];
    for (int i = 0; i < n; i++) {
      Writes.Finish f = requests.get(i).finish();
      StoredResult result = f.result();
      columns[0][i] = f.id().value();
      columns[1][i] = Long.toString(f.epoch());
      columns[2][i] = f.storedState().name();
      columns[3][i] = Double.toString(f.value());
      columns[4][i] = f.text();
      columns[5][i] = Database.timestamp(f.at()).toString();
      columns[6][i] = f.storedError();
      columns[7][i] = result.kind();
      columns[8][i] = result.value();
      columns[9][i] = result.mediaType();
      columns[10][i] = result.fileName();
      columns[11][i] = result.length() < 0 ? null : Long.toString(result.length());
      columns[12][i] = f.message();
      columns[13][i] = f.cause();
      columns[14][i] = f.errorMessage();
    }
    for (int column = 0; column < columns.length; column++) {
      handover.setArray(column + 1, c.createArrayOf("text", columns[column]));
    }
    handover.setArray(columns.length + 1, c.createArrayOf("text", columns[0]));
    return columns.length + 2;
  }
}
