/**
 * Serves an {@link io.github.asyncops.core.OperationEngine} over HTTP with portable JAX-RS. Start
 * at {@link io.github.asyncops.jaxrs.AsyncOpsFeature}: register one with the application. {@link
 * io.github.asyncops.jaxrs.AccessPolicy} decides who may start, see and stop; {@link
 * io.github.asyncops.jaxrs.OperationsResource} holds the endpoints.
 */
package io.github.asyncops.jaxrs;
