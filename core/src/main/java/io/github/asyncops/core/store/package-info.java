/**
 * Stores that ship with core: {@link io.github.asyncops.core.store.InMemoryOperationStore}, the
 * default.
 */
package io.github.asyncops.core.store;
