/**
 * {@link io.github.asyncops.messages.icu.IcuMessageRenderer}: message patterns formatted by ICU4J,
 * with CLDR plural rules. Put this module on the class path or module path and every engine renders
 * messages with it.
 */
package io.github.asyncops.messages.icu;
