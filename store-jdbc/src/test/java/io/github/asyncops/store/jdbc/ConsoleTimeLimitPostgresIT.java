package io.github.asyncops.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator console's reads are limited by the database, not by the breaker: a console query
 * that outlasts the call budget (here blocked behind a table lock, as a broad filter on a huge
 * table would be slow) fails alone, with a message that says so, while the node keeps answering
 * everyone else and the breaker stays closed.
 */
final class ConsoleTimeLimitPostgresIT {
  private PostgresDatabase database;
  private JdbcOperationStore store;

  @BeforeEach
  void open() throws SQLException {
    database = new PostgresDatabase(4);
    database.empty();
    store = database.store().callBudget(Duration.ofSeconds(1)).build();
  }

  @AfterEach
  void close() throws SQLException {
    store.close();
    database.close();
  }

  @Test
  void a_console_read_that_runs_out_of_time_fails_alone_and_leaves_the_breaker_closed()
      throws SQLException {
    try (Connection locker = database.dataSource().getConnection();
        Statement lock = locker.createStatement()) {
      locker.setAutoCommit(false);
      lock.execute("LOCK TABLE " + database.prefix + "operation IN ACCESS EXCLUSIVE MODE");

      long started = System.nanoTime();
      assertThatThrownBy(() -> store.summary(Instant.now()))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessage("could not summarise the operations within 1 s; narrow the filters");
      assertThatThrownBy(() -> store.list(OperationQuery.all()))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageEndingWith("within 1 s; narrow the filters");
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .as("two console reads, each cancelled by the database after 1 s")
          .isLessThan(Duration.ofSeconds(4));
      locker.rollback();
    }

    assertThat(store.summary(Instant.now()).queued()).isZero();
    assertThat(store.list(OperationQuery.all())).isEmpty();
  }
}
