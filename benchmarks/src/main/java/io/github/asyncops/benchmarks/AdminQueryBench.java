package io.github.asyncops.benchmarks;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.core.store.InMemoryOperationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The operator console's queries on the in-memory store holding 100,000 records (issue 26): the
 * first page of every operation, filtered first pages (a type and a state; an owner; one that
 * matches nothing, which walks every record), a page deep in the list by cursor, and the summary.
 * Prints p50, p99 and max of each over 1,000 runs after 200 of warm-up. Target: first page and
 * summary p99 under 50 ms.
 *
 * <p>The records: 5 types, 50 owners, 3 nodes, created over two hours; 2% queued, 3% running, 80%
 * succeeded, 10% failed with a stack trace, 5% stopped.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.asyncops.benchmarks.AdminQueryBench [records]}.
 */
public final class AdminQueryBench {
  private static final int RECORDS = 100_000;
  private static final int WARM_UP = 200;
  private static final int RUNS = 1_000;
  private static final int PAGE = 51; // what the adapter asks for a page of 50
  private static final Instant T0 = Instant.parse("2026-12-07T04:00:00Z");

  private AdminQueryBench() {}

  /**
   * Fills a store and prints the measurements.
   *
   * @param args optionally the number of records
   */
  public static void main(String[] args) {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : RECORDS;
    OperationStore store = new InMemoryOperationStore();
    long filling = System.nanoTime();
    fill(store, records);
    System.out.printf(
        "records: %d, filled in %d ms%n", records, (System.nanoTime() - filling) / 1_000_000);
    Instant now = T0.plus(Duration.ofHours(2));
    OperationQuery first = OperationQuery.all().withLimit(PAGE);
    OperationQuery.Cursor middle =
        OperationQuery.Cursor.of(
            store.list(OperationQuery.all().withLimit(records / 2)).get(records / 2 - 1));

    measure("first page, no filter", () -> store.list(first));
    measure(
        "first page, type and RUNNING",
        () -> store.list(first.withType("type-2").withStates(Set.of(OperationState.RUNNING))));
    measure("first page, one owner", () -> store.list(first.withOwner("owner-7")));
    measure("first page, an owner with none", () -> store.list(first.withOwner("nobody")));
    measure(
        "first page, one type, failed, owner",
        () ->
            store.list(
                first
                    .withType("type-3")
                    .withOwner("owner-7")
                    .withStates(Set.of(OperationState.FAILED))));
    measure("first page, id prefix 'Ab'", () -> store.list(first.withIdPrefix("Ab")));
    measure("page at the middle by cursor", () -> store.list(first.withAfter(middle)));
    measure("summary", () -> store.summary(now));
  }

  private static void fill(OperationStore store, int records) {
    Random random = new Random(26);
    int queued = records / 50;
    for (int i = 0; i < records; i++) {
      String type = "type-" + (i % 5);
      Instant at = T0.plusMillis(i * (7_200_000L / records));
      OperationRecord r =
          OperationRecord.queued(
              OperationId.random(),
              type,
              "owner-" + random.nextInt(50),
              null,
              null,
              null,
              Duration.ofDays(1),
              at);
      store.insert(r, false, Integer.MAX_VALUE);
      if (i >= records - queued) {
        continue; // the newest stay queued; nothing is claimed after them
      }
      store.claim(new ClaimRequest(type, 1, "node-" + random.nextInt(3)), at);
      int dice = random.nextInt(100);
      if (dice < 3) {
        continue;
      }
      Ending ending =
          dice < 83
              ? Ending.succeeded(new Progress(1, "done"), OperationResult.none())
              : dice < 93
                  ? Ending.failed(Progress.NONE, "it broke", "java.lang.IllegalStateException: x")
                  : Ending.stopped(Progress.NONE);
      store.finish(r.id(), 1, ending, at.plusSeconds(1));
    }
  }

  private static void measure(String what, Supplier<?> query) {
    for (int i = 0; i < WARM_UP; i++) {
      query.get();
    }
    long[] nanos = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      Object answer = query.get();
      nanos[i] = System.nanoTime() - start;
      if (answer instanceof List<?> list && list.size() > PAGE) {
        throw new IllegalStateException("a page longer than its limit");
      }
    }
    Arrays.sort(nanos);
    System.out.printf(
        "%-34s p50 %7.3f ms  p99 %7.3f ms  max %7.3f ms%n",
        what, nanos[RUNS / 2] / 1e6, nanos[RUNS * 99 / 100] / 1e6, nanos[RUNS - 1] / 1e6);
  }
}
