/**
 * An {@link io.github.asyncops.core.spi.OperationStore} on JDBC, for PostgreSQL (a cluster of nodes
 * sharing one database) and H2 (one node that survives restarts). Start at {@link
 * io.github.asyncops.store.jdbc.JdbcOperationStore#builder(javax.sql.DataSource)}; parameters and
 * value results go through a {@link io.github.asyncops.store.jdbc.ValueCodec} you supply, and
 * downloads beyond the size limit through an optional {@link
 * io.github.asyncops.store.jdbc.BlobStore}.
 */
package io.github.asyncops.store.jdbc;
