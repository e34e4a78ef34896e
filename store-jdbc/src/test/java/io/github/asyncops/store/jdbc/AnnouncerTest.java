package io.github.asyncops.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: inserts do not notify one after another, yet every committed insert is followed by a
 * notification of its type, so that other nodes never miss queued work. Time is an event counter: a
 * commit and a notification each take the next tick.
 */
final class AnnouncerTest {
  private static final List<String> TYPES = List.of("a", "b", "c");

  private final AtomicLong clock = new AtomicLong();
  private final Map<String, Long> lastCommit = new ConcurrentHashMap<>();
  private final Map<String, Long> lastNotice = new ConcurrentHashMap<>();
  private final AtomicInteger sends = new AtomicInteger();
  private final Announcer announcer =
      new Announcer(
          types -> {
            sends.incrementAndGet();
            long at = clock.incrementAndGet();
            types.forEach(type -> lastNotice.merge(type, at, Math::max));
          });

  @AfterEach
  void close() {
    announcer.close();
  }

  /** One insert: a fold if it may notify, then its commit (or not), then its end. */
  private void insert(String type, boolean commits) {
    Announcer.Fold fold = announcer.fold(type);
    if (commits) {
      long at = clock.incrementAndGet();
      lastCommit.merge(type, at, Math::max);
      if (fold != null) {
        lastNotice.merge(type, at, Math::max);
      }
    }
    announcer.end(fold, type, commits);
  }

  @Test
  void a_lone_insert_notifies_in_its_own_transaction() {
    assertThat(announcer.fold("a")).isEqualTo(new Announcer.Fold("a", false));
    announcer.end(new Announcer.Fold("a", false), "a", true);

    assertThat(announcer.fold("a")).as("nothing in flight any more").isNotNull();
  }

  @Test
  void an_insert_that_commits_while_another_notifies_is_announced_after_that_one_ends() {
    Announcer.Fold first = announcer.fold("a");
    assertThat(announcer.fold("a")).as("a second insert may not notify").isNull();
    insert("a", true);
    assertThat(sends).hasValue(0);

    announcer.end(first, "a", true);

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sends).hasValue(1));
  }

  @RepeatedTest(5)
  void concurrent_inserts_are_each_followed_by_a_notification_of_their_type() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<Void>> done =
          threads.invokeAll(
              Collections.nCopies(
                  8,
                  (Callable<Void>)
                      () -> {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        for (int i = 0; i < 2_000; i++) {
                          insert(TYPES.get(random.nextInt(TYPES.size())), random.nextInt(10) != 0);
                        }
                        return null;
                      }));
      for (Future<Void> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                lastCommit.forEach(
                    (type, commit) ->
                        assertThat(lastNotice.getOrDefault(type, 0L))
                            .as("the last notification of %s after its last commit", type)
                            .isGreaterThanOrEqualTo(commit)));
  }
}
