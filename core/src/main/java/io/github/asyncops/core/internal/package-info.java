/** The engine itself. Not part of the API: nothing here is exported. */
package io.github.asyncops.core.internal;
