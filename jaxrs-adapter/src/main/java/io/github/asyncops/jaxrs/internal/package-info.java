/**
 * How the adapter works: request handling behind {@link
 * io.github.asyncops.jaxrs.OperationsResource}, the exception mappers that turn every error into
 * {@code application/problem+json}, the CSRF and response-header filters, and the JSON provider for
 * the wire records. Not part of the API: types here are public only because the resource and the
 * feature live in another package, and may change in any release.
 */
package io.github.asyncops.jaxrs.internal;
