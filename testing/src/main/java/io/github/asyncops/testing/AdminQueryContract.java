package io.github.asyncops.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.OperationSummary;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * What the operator console needs of a store, with generated records and queries: {@link
 * OperationStore#list} with every filter of {@link OperationQuery} and keyset paging, {@link
 * OperationStore#summary}, and the failure's cause kept beside the error. The expectations are
 * computed here from the records as generated, not with {@link OperationQuery#matches}, so a store
 * and the query cannot share a mistake. A store's test implements this interface (JUnit Jupiter
 * runs it); each repetition fills a fresh store with up to 40 records of three types, two owners
 * and two nodes, in every state, many created at the same instant. The inputs come from a {@link
 * Random} seeded with the repetition's number, which a failure names, so a failure repeats.
 */
public interface AdminQueryContract {

  /** The instant the generated records are created from. */
  Instant ADMIN_T0 = Instant.parse("2026-03-01T00:00:00Z");

  /** Added to a repetition's number to seed its inputs; change it to explore other inputs. */
  long ADMIN_SEED = 0x5eed_26L;

  /**
   * Creates a fresh, empty store with the types "a", "b" and "c" registered, taking any parameters.
   *
   * @return the store
   */
  OperationStore newAdminStore();

  /**
   * One generated record: what it is and the state it is driven to.
   *
   * @param id its id
   * @param type its type
   * @param owner its owner, or null
   * @param node the node that claims it, if it gets that far
   * @param createdSecond seconds after {@link #ADMIN_T0} it is created
   * @param state the state it ends up in
   */
  record Spec(
      OperationId id,
      String type,
      String owner,
      String node,
      int createdSecond,
      OperationState state) {
    Instant createdAt() {
      return ADMIN_T0.plusSeconds(createdSecond);
    }

    boolean claimed() {
      return state != OperationState.QUEUED && state != OperationState.STOPPED;
    }

    String leaseNode() {
      return claimed() ? node : null;
    }
  }

  /**
   * Paging through every page of any query lists each matching record exactly once, newest first
   * with the greater id first among equal instants, and no page is longer than the limit.
   *
   * @param repetition which of the generated cases this is
   */
  @RepeatedTest(200)
  default void paging_lists_every_match_once_in_order(RepetitionInfo repetition) {
    Random random = new Random(ADMIN_SEED + repetition.getCurrentRepetition());
    List<Spec> specs = specs(random);
    OperationQuery filter = query(random);
    int pageSize = 1 + random.nextInt(7);
    OperationStore store = fill(specs);
    List<OperationId> expected =
        specs.stream()
            .filter(expectation(filter))
            .sorted(
                Comparator.comparing(Spec::createdAt).thenComparing(s -> s.id().value()).reversed())
            .map(Spec::id)
            .toList();

    List<OperationId> listed = new ArrayList<>();
    OperationQuery page = filter.withLimit(pageSize);
    for (int pages = 0; pages <= specs.size() + 1; pages++) {
      List<OperationRecord> records = store.list(page);
      assertThat(records.size()).isLessThanOrEqualTo(pageSize);
      records.forEach(r -> listed.add(r.id()));
      if (records.isEmpty()) {
        break;
      }
      page = page.withAfter(OperationQuery.Cursor.of(records.get(records.size() - 1)));
    }
    assertThat(listed)
        .as(
            "seed %d, %s, pages of %d",
            ADMIN_SEED + repetition.getCurrentRepetition(), filter, pageSize)
        .containsExactlyElementsOf(expected);
  }

  /**
   * The summary counts every record by type and state, the running ones by node with their latest
   * heartbeat, the queue with its oldest record, and the failures that ended in the last hour.
   *
   * @param repetition which of the generated cases this is
   */
  @RepeatedTest(100)
  default void summary_counts_what_the_store_holds(RepetitionInfo repetition) {
    Random random = new Random(ADMIN_SEED + repetition.getCurrentRepetition());
    List<Spec> specs = specs(random);
    int minutesLater = random.nextInt(121);
    OperationStore store = fill(specs);
    Instant now = ADMIN_T0.plus(Duration.ofMinutes(minutesLater));

    OperationSummary summary = store.summary(now);

    Map<String, Map<OperationState, Long>> counts = new TreeMap<>();
    Map<String, Long> running = new TreeMap<>();
    for (Spec s : specs) {
      counts.computeIfAbsent(s.type(), t -> zeroes()).merge(s.state(), 1L, Long::sum);
      if (s.state() == OperationState.RUNNING || s.state() == OperationState.STOPPING) {
        running.merge(s.node(), 1L, Long::sum);
      }
    }
    assertThat(summary.counts())
        .as("seed %d", ADMIN_SEED + repetition.getCurrentRepetition())
        .isEqualTo(counts);
    assertThat(summary.nodes())
        .extracting(OperationSummary.Node::node, OperationSummary.Node::running)
        .containsExactlyElementsOf(
            running.entrySet().stream()
                .map(e -> org.assertj.core.groups.Tuple.tuple(e.getKey(), e.getValue()))
                .toList());
    for (OperationSummary.Node n : summary.nodes()) {
      Instant latest =
          specs.stream()
              .filter(s -> n.node().equals(s.leaseNode()) && s.state().isActive())
              .map(Spec::createdAt)
              .max(Comparator.naturalOrder())
              .orElseThrow();
      assertThat(n.lastSeen()).isEqualTo(latest);
    }
    List<Spec> queued = specs.stream().filter(s -> s.state() == OperationState.QUEUED).toList();
    assertThat(summary.queued()).isEqualTo(queued.size());
    Spec oldest =
        queued.stream()
            .min(Comparator.comparing(Spec::createdAt).thenComparing(s -> s.id().value()))
            .orElse(null);
    assertThat(summary.oldestQueued())
        .isEqualTo(
            oldest == null
                ? null
                : new OperationSummary.Queued(oldest.id(), oldest.type(), oldest.createdAt()));
    // A failure is finished at its creation instant (see fill).
    Instant hourAgo = now.minus(OperationSummary.FAILURE_WINDOW);
    assertThat(summary.failedLastHour())
        .isEqualTo(
            specs.stream()
                .filter(s -> s.state() == OperationState.FAILED)
                .filter(s -> !s.createdAt().isBefore(hourAgo))
                .count());
    assertThat(summary.at()).isEqualTo(now);
  }

  /**
   * A failure's stack trace text is kept beside its user-safe error, up to {@link Ending#MAX_CAUSE}
   * characters, and read back by find and list.
   */
  @Test
  default void a_failure_keeps_its_cause() {
    OperationStore store = newAdminStore();
    OperationRecord r =
        OperationRecord.queued(
            OperationId.random(), "a", "alice", null, null, null, Duration.ofHours(2), ADMIN_T0);
    store.insert(r, false, Integer.MAX_VALUE);
    store.claim(new ClaimRequest("a", 1, "n1"), ADMIN_T0);
    String cause = "java.lang.IllegalStateException: boom\n\tat x.Y.z(Y.java:1)\n".repeat(1_000);

    OperationRecord failed =
        store
            .finish(r.id(), 1, Ending.failed(Progress.NONE, "it broke", cause), ADMIN_T0)
            .orElseThrow();

    String kept = cause.substring(0, Ending.MAX_CAUSE - 1) + "…";
    assertThat(failed.outcome().error()).isEqualTo("it broke");
    assertThat(failed.outcome().cause()).isEqualTo(kept);
    assertThat(store.find(r.id()).orElseThrow().outcome().cause()).isEqualTo(kept);
    assertThat(store.list(OperationQuery.all()).get(0).outcome().cause()).isEqualTo(kept);
  }

  /** A deleted or evicted record leaves the summary and the list. */
  @Test
  default void forgotten_records_leave_the_summary_and_the_list() {
    OperationStore store = newAdminStore();
    OperationRecord failed =
        OperationRecord.queued(
            OperationId.random(), "a", null, null, null, null, Duration.ZERO, ADMIN_T0);
    OperationRecord stays =
        OperationRecord.queued(
            OperationId.random(), "b", null, null, null, null, Duration.ofDays(1), ADMIN_T0);
    store.insert(failed, false, Integer.MAX_VALUE);
    store.claim(new ClaimRequest("a", 1, "n1"), ADMIN_T0);
    store.finish(failed.id(), 1, Ending.failed(Progress.NONE, "x", "trace"), ADMIN_T0);
    store.insert(stays, false, Integer.MAX_VALUE);
    assertThat(store.summary(ADMIN_T0).failedLastHour()).isEqualTo(1);

    assertThat(store.delete(failed.id())).isTrue();

    OperationSummary summary = store.summary(ADMIN_T0);
    assertThat(summary.counts()).containsOnlyKeys("b");
    assertThat(summary.failedLastHour()).isZero();
    assertThat(summary.queued()).isEqualTo(1);
    assertThat(store.list(OperationQuery.all()))
        .extracting(OperationRecord::id)
        .containsExactly(stays.id());
  }

  /** Up to 40 records with distinct ids; creation instants are often equal (a third at 0). */
  private static List<Spec> specs(Random random) {
    int size = random.nextInt(41);
    Set<OperationId> ids = new HashSet<>();
    List<Spec> specs = new ArrayList<>();
    OperationState[] states = OperationState.values();
    while (specs.size() < size) {
      OperationId id = OperationId.of(chars(random, 22));
      if (ids.add(id)) {
        specs.add(
            new Spec(
                id,
                pick(random, "a", "b", "c"),
                random.nextInt(5) == 0 ? null : pick(random, "alice", "bob"),
                pick(random, "n1", "n2"),
                random.nextInt(3) == 0 ? 0 : random.nextInt(90 * 60 + 1),
                states[random.nextInt(states.length)]));
      }
    }
    return specs;
  }

  /** A query over every filter, each often absent; the limit and cursor are the test's. */
  private static OperationQuery query(Random random) {
    OperationQuery q = OperationQuery.all();
    if (random.nextBoolean()) {
      q = q.withType(pick(random, "a", "b", "c", "none"));
    }
    if (random.nextInt(5) < 2) {
      q = q.withOwner(pick(random, "alice", "bob"));
    }
    Set<OperationState> states = new HashSet<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      states.add(OperationState.values()[random.nextInt(OperationState.values().length)]);
    }
    q = q.withStates(states);
    if (random.nextInt(5) < 2) {
      q = q.withNode(pick(random, "n1", "n2"));
    }
    Instant from = random.nextInt(5) < 2 ? ADMIN_T0.plusSeconds(random.nextInt(91) * 60L) : null;
    Instant to = random.nextInt(5) < 2 ? ADMIN_T0.plusSeconds(random.nextInt(91) * 60L) : null;
    q = q.withCreated(from, to);
    if (random.nextInt(5) < 2) {
      q = q.withIdPrefix(chars(random, 1 + random.nextInt(2)));
    }
    return q.withActiveOnly(random.nextBoolean());
  }

  /** Ids from few characters, so that prefixes match some records and not others. */
  private static String chars(Random random, int length) {
    String alphabet = "ABab01";
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private static String pick(Random random, String... values) {
    return values[random.nextInt(values.length)];
  }

  private static Map<OperationState, Long> zeroes() {
    Map<OperationState, Long> all = new EnumMap<>(OperationState.class);
    for (OperationState s : OperationState.values()) {
      all.put(s, 0L);
    }
    return all;
  }

  /** The records a query lists, computed from the generated records alone. */
  private static Predicate<Spec> expectation(OperationQuery q) {
    return s ->
        (q.type() == null || q.type().equals(s.type()))
            && (q.owner() == null || q.owner().equals(s.owner()))
            && (!q.activeOnly() || s.state().isActive())
            && (q.states().isEmpty() || q.states().contains(s.state()))
            && (q.node() == null || q.node().equals(s.leaseNode()))
            && (q.createdFrom() == null || !s.createdAt().isBefore(q.createdFrom()))
            && (q.createdTo() == null || s.createdAt().isBefore(q.createdTo()))
            && (q.idPrefix() == null || s.id().value().startsWith(q.idPrefix()));
  }

  /**
   * Puts the records into a fresh store through its own calls. The records that get claimed go in
   * first, each claimed as soon as it is inserted, so a claim always takes the record just
   * inserted; each is created, claimed, heartbeat and ended at its creation instant.
   */
  private OperationStore fill(List<Spec> specs) {
    OperationStore store = newAdminStore();
    List<Spec> claimedFirst = new ArrayList<>(specs);
    claimedFirst.sort(Comparator.comparing(s -> !s.claimed()));
    for (Spec s : claimedFirst) {
      Instant at = s.createdAt();
      OperationRecord r =
          OperationRecord.queued(
              s.id(), s.type(), s.owner(), null, null, null, Duration.ofDays(1), at);
      store.insert(r, false, Integer.MAX_VALUE);
      if (s.claimed()) {
        assertThat(store.claim(new ClaimRequest(s.type(), 1, s.node()), at))
            .extracting(OperationRecord::id)
            .containsExactly(s.id());
      }
      switch (s.state()) {
        case STOPPING, STOPPED -> store.requestStop(s.id(), null, at);
        case SUCCEEDED ->
            store.finish(
                s.id(), 1, Ending.succeeded(new Progress(1, null), OperationResult.none()), at);
        case FAILED -> store.finish(s.id(), 1, Ending.failed(Progress.NONE, "failed", "trace"), at);
        default -> {}
      }
    }
    return store;
  }
}
