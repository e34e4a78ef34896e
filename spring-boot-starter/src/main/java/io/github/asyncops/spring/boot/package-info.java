/**
 * Spring Boot 4 auto-configuration for asyncops. Add the starter, declare {@link
 * io.github.asyncops.core.spi.WorkerProvider} beans, and set {@code asyncops.*} properties ({@link
 * io.github.asyncops.spring.boot.AsyncOpsProperties}); {@link
 * io.github.asyncops.spring.boot.AsyncOpsAutoConfiguration} does the rest. Providers discovered in
 * {@code META-INF/services} read their settings from {@code asyncops.plugins.<type>.<setting>}; an
 * {@link io.github.asyncops.spring.boot.AsyncOpsEngineCustomizer} bean gives them services beyond
 * the {@code DataSource}.
 */
package io.github.asyncops.spring.boot;
