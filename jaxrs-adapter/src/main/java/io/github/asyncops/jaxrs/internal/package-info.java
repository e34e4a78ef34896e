/**
 * How the adapter works: request handling behind {@link
 * io.github.asyncops.jaxrs.OperationsResource}, the exception mapper and filters that turn every
 * error into {@code application/problem+json}, and the JSON provider for the wire records. Not part
 * of the API, and closed on the module path. Two classes are public, because the feature and the
 * resource live in another package: {@link io.github.asyncops.jaxrs.internal.Adapter}, the
 * feature's door, and {@link io.github.asyncops.jaxrs.internal.Endpoints}, the resource's. Every
 * other type is package-private, and all may change in any release.
 */
package io.github.asyncops.jaxrs.internal;
