/**
 * Spring Boot auto-configuration for asyncops. Add the starter, declare {@link
 * io.github.asyncops.core.spi.WorkerProvider} beans, and set {@code asyncops.*} properties ({@link
 * io.github.asyncops.spring.boot.AsyncOpsProperties}); {@link
 * io.github.asyncops.spring.boot.AsyncOpsAutoConfiguration} does the rest.
 */
package io.github.asyncops.spring.boot;
