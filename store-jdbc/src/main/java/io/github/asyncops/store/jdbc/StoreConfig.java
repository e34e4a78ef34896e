package io.github.asyncops.store.jdbc;

import java.time.Duration;
import javax.sql.DataSource;

/**
 * The settings a {@link JdbcOperationStore.Builder} collected, with the dialect resolved; see the
 * builder for each one.
 *
 * @param dataSource where connections come from
 * @param dialect the database's dialect
 * @param tables the table names
 * @param codec encodes parameters and values
 * @param progressInterval the least time between two progress writes of one operation
 * @param maxResultBytes the largest result kept in the database
 * @param blobStore where larger downloads go, or null
 * @param retry the retry policy
 * @param callBudget the longest one call may take, or zero for no bound
 * @param listen whether to LISTEN for news where the database can
 * @param listenDataSource where the listening connection comes from
 * @param pollInterval the poll period when not listening
 * @param tombstoneCapacity how many forgotten ids are remembered
 * @param tombstoneTtl how long a forgotten id is remembered
 * @param evictInterval the period of eviction
 */
record StoreConfig(
    DataSource dataSource,
    JdbcDialect dialect,
    Tables tables,
    ValueCodec codec,
    Duration progressInterval,
    long maxResultBytes,
    BlobStore blobStore,
    RetryPolicy retry,
    Duration callBudget,
    boolean listen,
    DataSource listenDataSource,
    Duration pollInterval,
    int tombstoneCapacity,
    Duration tombstoneTtl,
    Duration evictInterval) {}
