/**
 * Micrometer meters for an asyncops engine, without Spring. Start at {@link
 * io.github.asyncops.micrometer.AsyncOpsMetrics}.
 */
package io.github.asyncops.micrometer;
