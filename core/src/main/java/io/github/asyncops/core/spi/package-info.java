/**
 * What integrators implement. Start with {@link io.github.asyncops.core.spi.WorkerProvider}, which
 * declares an operation type and creates its {@link io.github.asyncops.core.spi.Worker}s; register
 * it in {@code META-INF/services}. {@link io.github.asyncops.core.spi.OperationStore} is for those
 * who keep operations somewhere other than memory.
 */
package io.github.asyncops.core.spi;
