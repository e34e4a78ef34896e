package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.OperationSummary;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.Subscription;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.Handover;
import io.github.asyncops.core.spi.Heartbeat;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.core.spi.StoreListener;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * An {@link OperationStore} in a PostgreSQL or H2 database, so operations survive restarts and, on
 * PostgreSQL, run across a cluster of nodes that share the database. Build one with {@link
 * #builder(DataSource)}, pass it to {@code OperationEngine.builder().store(...)}, and {@link
 * #close()} it after the engine.
 *
 * <p>Design notes. Every call is at most one short transaction on a connection borrowed from the
 * application's pool ({@link Database}); the statements lock the rows they change, and claims,
 * expiry and eviction skip rows that other nodes hold ({@code SKIP LOCKED}), so nodes never run an
 * operation twice or wait for each other. An operation costs at most three transactions on the
 * happy path: an insert, a share of a batch claim, and a finish ({@link Writes}); on PostgreSQL a
 * worker thread that ends one operation and takes the next does both in one statement ({@link
 * Handovers}). Unique indexes keep one active operation per scope slot and one operation per
 * idempotency key across nodes ({@link IdempotencyKeys}). The queue limit is checked against
 * counter rows that each node's tick brings up to date ({@link QueueCount}), so inserts take no
 * lock, but starts on several nodes at the limit may pass it by what those nodes queued since their
 * last tick. Every claim takes the next epoch, and progress and finishes carry it, so a node that
 * lost an operation changes nothing (fencing). Expiry fails the operations of a lost node, or
 * queues a running one of a restartable type again, keeping its epoch, so that only its next claim
 * may write it; the epoch also counts its restarts ({@link OperationRecord#requeuable()}). Other
 * nodes hear through NOTIFY, which they LISTEN to on a dedicated connection ({@link News}): stop
 * requests notify in their own transaction, and queued work is announced by the {@link Announcer},
 * several inserts together under load; a node that cannot listen polls for stop requests, and the
 * engine's tick claims queued work anyway. The engine throttles progress writes to {@link
 * #progressInterval()}. Every call is bounded by a call budget ({@link Connections}); one that
 * cannot reach the database opens a breaker ({@link Outage}) so that later calls fail at once with
 * {@code StoreUnavailableException} until the tick's probe finds the database again, and the outage
 * is logged once when it starts and once when it ends. Claims, progress and heartbeats throw, and
 * the engine tries again at its next tick; expiry and eviction absorb the failure. Eviction runs in
 * batches on its own slower schedule from {@link #tick} and leaves tombstones, so a forgotten
 * operation reads as gone ({@link #forgotten}). A finish that cannot be written is kept and written
 * when the database answers again, so no final state is lost while the node lives. Results are
 * values in the row, or downloads in a table or the {@link BlobStore}, read only when served
 * ({@link Results}). Calls made for a caller (insert, find, list, stop, delete) throw {@code
 * StoreUnavailableException} when the database cannot be reached and {@link JdbcStoreException} for
 * other failures. The database names no class: parameter classes and restartable types come from
 * the engine's {@link #register} ({@link KnownTypes}).
 *
 * <p>Thread-safe.
 */
public final class JdbcOperationStore implements OperationStore, AutoCloseable {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.store.jdbc");

  private final KnownTypes types = new KnownTypes();
  private final Writes writes;
  private final Inserts inserts;
  private final Reads reads;
  private final Upkeep upkeep;
  private final NodeWork work;
  private final News news;
  private final Duration progressInterval;
  private final Database db;

  JdbcOperationStore(StoreConfig config) {
    String origin = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    this.progressInterval = config.progressInterval();
    this.db =
        new Database(
            config.dataSource(),
            config.dialect(),
            config.tables(),
            new Retry(config.retry()),
            config.callBudget());
    Results results = new Results(config.codec(), config.blobStore(), config.maxResultBytes(), db);
    Rows rows = new Rows(config.codec(), types, results);
    this.writes = new Writes(db, rows);
    FirstAnalyze firstAnalyze = new FirstAnalyze(db);
    this.inserts = new Inserts(db, rows, writes, firstAnalyze, origin);
    this.reads = new Reads(db, rows, writes);
    this.upkeep =
        new Upkeep(
            db,
            rows,
            writes,
            results,
            types::restartable,
            config.tombstoneCapacity(),
            config.tombstoneTtl());
    this.work =
        new NodeWork(
            writes,
            firstAnalyze,
            new Handovers(db, rows, writes),
            upkeep,
            results,
            config.evictInterval(),
            db::probeIfDown);
    News.Opener opener = null;
    if (config.listen()) {
      DataSource listenSource = config.listenDataSource();
      opener = () -> config.dialect().listen(listenSource, config.tables().channel());
    }
    this.news =
        new News(opener, work::pollStops, types::names, config.pollInterval(), origin, db.outage());
  }

  /**
   * Starts building a store on a data source, typically a connection pool such as HikariCP.
   *
   * @param dataSource where the store borrows connections; it is not closed by the store
   * @return a builder with the defaults documented on its methods
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
  }

  @Override
  public InsertResult insert(OperationRecord record, boolean replaceActive, int queueLimit) {
    if (record.state() != OperationState.QUEUED) {
      throw new IllegalArgumentException("only QUEUED records can be inserted: " + record.state());
    }
    return inserts.insert(record, replaceActive, queueLimit);
  }

  @Override
  public Optional<OperationRecord> find(OperationId id) {
    return reads.find(id);
  }

  @Override
  public boolean forgotten(OperationId id) {
    return upkeep.forgotten(id);
  }

  @Override
  public List<OperationRecord> list(OperationQuery query) {
    return reads.list(query);
  }

  /** Counts with a few indexed statements; see the store's README for which index serves what. */
  @Override
  public OperationSummary summary(Instant now) {
    return reads.summary(now);
  }

  @Override
  public List<OperationRecord> claim(ClaimRequest request, Instant now) {
    return work.claim(request, Database.micros(now));
  }

  @Override
  public Optional<OperationRecord> requestStop(OperationId id, String text, Instant now) {
    return writes.requestStop(id, text, Database.micros(now));
  }

  @Override
  public Optional<OperationRecord> progress(
      OperationId id, long epoch, Progress progress, Instant now) {
    return work.progress(id, epoch, progress, Database.micros(now));
  }

  @Override
  public Optional<OperationRecord> finish(OperationId id, long epoch, Ending ending, Instant now) {
    return work.finish(id, epoch, ending, Database.micros(now));
  }

  @Override
  public Handover finishAndClaim(
      OperationId id, long epoch, Ending ending, ClaimRequest next, Instant now) {
    return work.finishAndClaim(id, epoch, ending, next, Database.micros(now));
  }

  @Override
  public Heartbeat heartbeat(String node, Map<OperationId, Long> held, Instant now) {
    return work.heartbeat(node, held, Database.micros(now));
  }

  @Override
  public List<OperationRecord> expire(Instant staleBefore, String error, Instant now) {
    return work.expire(Database.micros(staleBefore), error, Database.micros(now));
  }

  /**
   * Forgets final records whose retention passed, at most a batch of them, leaving tombstones. The
   * engine does not call this; {@link #tick} does, every {@code evictInterval}.
   */
  @Override
  public int evict(Instant now) {
    return work.evict(Database.micros(now));
  }

  /**
   * Writes finishes kept during an outage, and evicts once {@code evictInterval} has passed since
   * the last eviction.
   */
  @Override
  public void tick(Instant now) {
    work.tick(Database.micros(now));
  }

  /** The builder's {@code progressInterval}, which the engine's throttle applies. */
  @Override
  public Duration progressInterval() {
    return progressInterval;
  }

  @Override
  public boolean delete(OperationId id) {
    return upkeep.delete(id);
  }

  /**
   * Learns the operation types the engine runs: the class each type's parameters are encoded from
   * and decoded into (its {@code parameterType()}, never a class the database names), and which
   * types are queued again when their node is lost (its {@code restartable()}). The engine calls
   * this once, when it starts. Until then, and for a type no engine registered, a start with
   * parameters is refused, a claim leaves operations with parameters queued for a node that runs
   * the type, and a lost node's operation fails. Several engines may register with one store; each
   * may add types, but none may change one already registered.
   *
   * @param types every type the engine runs
   * @throws IllegalArgumentException if a type is already registered with another parameter class
   *     or restartability; then none of these types is added
   */
  @Override
  public void register(List<OperationType> types) {
    this.types.register(List.copyOf(types));
  }

  /**
   * Starts passing news from other nodes to the engine: on PostgreSQL through LISTEN/NOTIFY,
   * otherwise by polling for stop requests. The engine calls this once, when it starts; the store
   * then runs one daemon thread until {@link #close()}.
   *
   * @param listener the engine's listener
   * @return removes the listener; the news thread runs on until {@link #close()}
   */
  @Override
  public Subscription listen(StoreListener listener) {
    StoreListener added = Objects.requireNonNull(listener, "listener");
    news.add(added);
    return () -> news.remove(added);
  }

  /**
   * Stops the news thread, closes its connection, and tries once more to write finishes kept during
   * an outage. Does not close the data source. Close the engine first. Idempotent.
   */
  @Override
  public void close() {
    news.close();
    work.catchUp();
    inserts.close();
    db.close();
    int unwritten = work.unwrittenFinishes();
    if (unwritten > 0) {
      LOG.log(
          Level.WARNING,
          unwritten
              + " finished operations could not be written before the"
              + " store closed; other nodes will fail them after the lease");
    }
  }

  /**
   * Tells whether the store knows the database to be down, so that its calls fail at once; for
   * tests.
   *
   * @return true while the breaker is open
   */
  boolean databaseDown() {
    return db.outage().isDown();
  }

  /**
   * Counts finishes kept during an outage, for tests.
   *
   * @return how many finishes wait to be written
   */
  int unwrittenFinishes() {
    return work.unwrittenFinishes();
  }

  /**
   * Configures and builds a {@link JdbcOperationStore}. Not thread-safe; build once per engine.
   * Every node of a cluster builds its store with the same table prefix, schema and codec. The
   * operation types, with their parameter classes and restartability, come from the engine (see
   * {@link JdbcOperationStore#register}).
   */
  public static final class Builder {
    /** The default {@link #callBudget(Duration)}: 1 second. */
    public static final Duration DEFAULT_CALL_BUDGET = Duration.ofSeconds(1);

    /** The default {@link #maxResultBytes(long)}: 16 MiB. */
    public static final long DEFAULT_MAX_RESULT_BYTES = 16L * 1024 * 1024;

    private final DataSource dataSource;
    private JdbcDialect dialect;
    private String schema;
    private String tablePrefix = Tables.DEFAULT_PREFIX;
    private boolean createSchema = true;
    private ValueCodec codec = Builder.NO_CODEC;
    private Duration progressInterval = Duration.ofMillis(250);
    private long maxResultBytes = DEFAULT_MAX_RESULT_BYTES;
    private BlobStore blobStore;
    private RetryPolicy retry = RetryPolicy.defaults();
    private Duration callBudget = DEFAULT_CALL_BUDGET;
    private boolean listen = true;
    private DataSource listenDataSource;
    private Duration pollInterval = Duration.ofMillis(500);
    private int tombstoneCapacity = 100_000;
    private Duration tombstoneTtl = Duration.ofHours(1);
    private Duration evictInterval = Duration.ofSeconds(10);

    /** The codec used until one is set: it refuses every value with a hint. */
    private static final ValueCodec NO_CODEC =
        new ValueCodec() {
          @Override
          public String encode(Object value) {
            throw new IllegalStateException(
                "no ValueCodec configured: set JdbcOperationStore.builder().codec(...) to store "
                    + value.getClass().getName());
          }

          @Override
          public <T> T decode(String text, Class<T> type) {
            throw new IllegalStateException(
                "no ValueCodec configured to decode a " + type.getName());
          }
        };

    Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * Sets the database dialect. Default: detected from the connection's metadata at {@link
     * #build()}.
     *
     * @param dialect {@link JdbcDialect#postgresql()} or {@link JdbcDialect#h2()}
     * @return this builder
     */
    public Builder dialect(JdbcDialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    /**
     * Puts the tables in a schema, created if missing when {@link #createSchema(boolean)} is on.
     * Default: none, so the connection's current schema ({@code search_path} on PostgreSQL).
     *
     * @param schema an unquoted identifier: letters, digits and {@code _}
     * @return this builder
     * @throws IllegalArgumentException if it is not such an identifier
     */
    public Builder schema(String schema) {
      new Tables(schema, tablePrefix);
      this.schema = schema;
      return this;
    }

    /**
     * Sets the prefix of the table names ({@code <prefix>operation}, {@code <prefix>result}, {@code
     * <prefix>forgotten}, {@code <prefix>lock}), which also names the NOTIFY channel, so several
     * applications can share a database. Default: {@code asyncops_}.
     *
     * @param tablePrefix 1 to 40 letters, digits or {@code _}, not starting with a digit
     * @return this builder
     * @throws IllegalArgumentException if it is not such a prefix
     */
    public Builder tablePrefix(String tablePrefix) {
      new Tables(schema, tablePrefix);
      this.tablePrefix = tablePrefix;
      return this;
    }

    /**
     * Sets whether {@link #build()} creates missing tables and indexes from the dialect's DDL
     * resource ({@code io/github/asyncops/store/jdbc/<dialect>.sql}), which needs the privilege to
     * create tables. Turn it off when a migration tool applies that file; {@code build()} then only
     * checks that the tables exist. Default: on.
     *
     * @param createSchema whether to create the schema
     * @return this builder
     */
    public Builder createSchema(boolean createSchema) {
      this.createSchema = createSchema;
      return this;
    }

    /**
     * Sets the codec for parameters and value results. Default: none, which works only for types
     * without parameters and with download or no results.
     *
     * @param codec the codec, for example one over Jackson
     * @return this builder
     */
    public Builder codec(ValueCodec codec) {
      this.codec = Objects.requireNonNull(codec, "codec");
      return this;
    }

    /**
     * Sets the least time between two progress writes of one operation; a report in between is
     * written when the interval has passed, so status reads on other nodes are at most this plus
     * one engine tick behind. State changes are always written at once. Default: 250 ms.
     *
     * @param progressInterval not negative; zero writes every report
     * @return this builder
     */
    public Builder progressInterval(Duration progressInterval) {
      if (progressInterval.isNegative()) {
        throw new IllegalArgumentException("progressInterval must not be negative");
      }
      this.progressInterval = progressInterval;
      return this;
    }

    /**
     * Sets the largest result kept in the database, in bytes: a download's content, or a value's
     * UTF-8 encoding. A larger download goes to the {@link #blobStore(BlobStore)}; without one, and
     * for a larger value, the operation fails with an error naming the limit. Default: {@link
     * #DEFAULT_MAX_RESULT_BYTES} (16 MiB), which the store reads into memory when it finishes an
     * operation and when it serves the download.
     *
     * @param maxResultBytes at least 0, at most about 2 GiB
     * @return this builder
     */
    public Builder maxResultBytes(long maxResultBytes) {
      if (maxResultBytes < 0 || maxResultBytes > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("maxResultBytes out of range: " + maxResultBytes);
      }
      this.maxResultBytes = maxResultBytes;
      return this;
    }

    /**
     * Sets where downloads larger than {@link #maxResultBytes(long)} go. Default: none.
     *
     * @param blobStore the blob store, shared by every node
     * @return this builder
     */
    public Builder blobStore(BlobStore blobStore) {
      this.blobStore = Objects.requireNonNull(blobStore, "blobStore");
      return this;
    }

    /**
     * Sets how transient database failures are retried. Default: {@link RetryPolicy#defaults()}.
     *
     * @param retry the policy
     * @return this builder
     */
    public Builder retry(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /**
     * Sets the longest one store call may take: borrowing a connection from the pool, its
     * statements, and the retries of transient failures with their pauses. A call that cannot reach
     * the database within it throws {@link io.github.asyncops.core.StoreUnavailableException}, and
     * so does every later call, at once, until the store's tick finds the database answering again
     * (it tries every 500 ms, on a thread of its own), so that requests answer quickly during an
     * outage instead of waiting out the pool's own timeout (HikariCP's {@code connectionTimeout} is
     * 30 s). The wait for a connection runs on a thread of the store's, so any pool is bounded;
     * statements are bounded with the connection's network timeout, set to what is left of the
     * budget. Size the pool so that a connection is free well within the budget: a pool that keeps
     * callers waiting longer counts as an outage. Default: {@link #DEFAULT_CALL_BUDGET}.
     *
     * @param callBudget positive, or zero for no bound: then calls wait as long as the pool and the
     *     driver let them, and borrow on the caller's thread
     * @return this builder
     * @throws IllegalArgumentException if it is negative
     */
    public Builder callBudget(Duration callBudget) {
      if (callBudget.isNegative()) {
        throw new IllegalArgumentException("callBudget must not be negative, was " + callBudget);
      }
      this.callBudget = callBudget;
      return this;
    }

    /**
     * Sets whether the store LISTENs for other nodes' news on PostgreSQL: queued work starts on an
     * idle node at once, and a stop reaches the running node at once. Off, or through a pooler that
     * cannot LISTEN (PgBouncer in transaction mode), nodes poll every {@link
     * #pollInterval(Duration)} for stop requests and claim queued work at every engine tick.
     * Ignored on H2, which always polls. Default: on.
     *
     * @param listen whether to listen
     * @return this builder
     */
    public Builder listen(boolean listen) {
      this.listen = listen;
      return this;
    }

    /**
     * Sets where the listening connection comes from; the store holds it open as long as it runs.
     * Default: the store's data source, of whose pool it then takes one connection for good. Give a
     * non-pooled data source that connects to the database directly when the pool goes through
     * PgBouncer.
     *
     * @param listenDataSource the data source
     * @return this builder
     */
    public Builder listenDataSource(DataSource listenDataSource) {
      this.listenDataSource = Objects.requireNonNull(listenDataSource, "listenDataSource");
      return this;
    }

    /**
     * Sets how long the news thread waits for notifications at a time, and, when it cannot listen,
     * how often it polls for stop requests and tries to listen again. Default: 500 ms.
     *
     * @param pollInterval positive
     * @return this builder
     */
    public Builder pollInterval(Duration pollInterval) {
      if (pollInterval.isZero() || pollInterval.isNegative()) {
        throw new IllegalArgumentException("pollInterval must be positive");
      }
      this.pollInterval = pollInterval;
      return this;
    }

    /**
     * Sets how often the store forgets final operations whose retention passed, in batches, and
     * drops expired tombstones. Records therefore live up to this long past their retention.
     * Default: 10 seconds, so an idle node makes a statement or two per interval for it.
     *
     * @param evictInterval positive
     * @return this builder
     */
    public Builder evictInterval(Duration evictInterval) {
      if (evictInterval.isZero() || evictInterval.isNegative()) {
        throw new IllegalArgumentException("evictInterval must be positive");
      }
      this.evictInterval = evictInterval;
      return this;
    }

    /**
     * Sets how many ids of forgotten operations are remembered, so they answer "gone", and for how
     * long. Default: 100,000 for 1 hour, as in core's in-memory store.
     *
     * @param capacity at least 0; 0 remembers none
     * @param ttl not negative
     * @return this builder
     */
    public Builder tombstones(int capacity, Duration ttl) {
      if (capacity < 0 || ttl.isNegative()) {
        throw new IllegalArgumentException("tombstone capacity and ttl must not be negative");
      }
      this.tombstoneCapacity = capacity;
      this.tombstoneTtl = ttl;
      return this;
    }

    /**
     * Detects the dialect if none was set, creates or checks the tables, and builds the store.
     *
     * @return the store
     * @throws JdbcStoreException if the database cannot be reached, is not supported, or lacks the
     *     tables while {@link #createSchema(boolean)} is off
     */
    public JdbcOperationStore build() {
      JdbcDialect d = dialect != null ? dialect : JdbcDialect.detect(dataSource);
      Tables tables = new Tables(schema, tablePrefix);
      StoreConfig config =
          new StoreConfig(
              dataSource,
              d,
              tables,
              codec,
              progressInterval,
              maxResultBytes,
              blobStore,
              retry,
              callBudget,
              listen,
              listenDataSource != null ? listenDataSource : dataSource,
              pollInterval,
              tombstoneCapacity,
              tombstoneTtl,
              evictInterval);
      // Creating the tables may take longer than a call of the running store, so it has no budget.
      Database db = new Database(dataSource, d, tables, new Retry(retry), Duration.ZERO);
      try {
        if (createSchema) {
          db.transaction(
              "create the store's tables",
              (c, attempt) -> {
                Schema.create(c, d, tables);
                return null;
              });
        } else {
          db.read(
              "check the store's tables",
              (c, attempt) -> {
                Schema.verify(c, d, tables);
                return null;
              });
        }
      } finally {
        db.close();
      }
      return new JdbcOperationStore(config);
    }
  }
}
