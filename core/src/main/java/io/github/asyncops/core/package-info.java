/**
 * What applications call. Start with {@link io.github.asyncops.core.OperationEngine#builder()}:
 * build one engine, {@link io.github.asyncops.core.OperationEngine#start start} operations, read
 * their {@link io.github.asyncops.core.OperationSnapshot snapshots}, stop them, and close the
 * engine at shutdown. Every exception thrown on purpose extends {@link
 * io.github.asyncops.core.AsyncOpsException}.
 */
package io.github.asyncops.core;
