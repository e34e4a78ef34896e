package io.github.asyncops.core;

/**
 * What a start did.
 *
 * @param operation the operation the caller should follow
 * @param created true if a new operation was created, false if the start joined an active one or
 *     replayed its idempotency key
 */
public record StartOutcome(OperationSnapshot operation, boolean created) {}
