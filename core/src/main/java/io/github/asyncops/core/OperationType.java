package io.github.asyncops.core;

import java.time.Duration;

/**
 * What the engine knows of one registered operation type, as declared by its {@link
 * io.github.asyncops.core.spi.WorkerProvider}.
 *
 * @param name the short, URL-safe, unique name
 * @param title a title for people
 * @param scope which operations count as the same for the start policy
 * @param startPolicy what a start does while one in the same scope is active
 * @param parameterType the class that start parameters must be an instance of ({@code Void} for
 *     none)
 * @param maxConcurrent the most operations of this type running at once on one engine
 * @param timeout the longest a run may take, or {@link Duration#ZERO} for no limit
 * @param retention how long a finished operation is kept before it is forgotten
 * @param pollInterval the suggested delay between two polls while active
 * @param restartable whether a store shared by nodes queues an operation again, instead of failing
 *     it, when the node running it is lost
 * @param stallAfter how long a running operation may report nothing before its status says it
 *     stalled, or {@link Duration#ZERO} for never
 */
public record OperationType(
    String name,
    String title,
    Scope scope,
    StartPolicy startPolicy,
    Class<?> parameterType,
    int maxConcurrent,
    Duration timeout,
    Duration retention,
    Duration pollInterval,
    boolean restartable,
    Duration stallAfter) {}
