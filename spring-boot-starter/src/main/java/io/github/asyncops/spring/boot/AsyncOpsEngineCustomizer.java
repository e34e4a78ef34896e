package io.github.asyncops.spring.boot;

import io.github.asyncops.core.OperationEngine;

/**
 * Adjusts the engine's builder before the starter builds it, for what properties do not cover: most
 * often a service that discovered providers ask for, as in {@code builder.service(
 * HttpClient.class, client)}. Declare it as a bean; every one is applied, in bean order, after the
 * starter has set the {@code asyncops.*} properties, the worker beans, the store and the {@code
 * DataSource} service, so it may override them.
 */
@FunctionalInterface
public interface AsyncOpsEngineCustomizer {

  /**
   * Called once, on the thread that creates the engine bean, before {@code build()}. If it throws,
   * the application does not start.
   *
   * @param builder the builder, not yet built
   */
  void customize(OperationEngine.Builder builder);
}
