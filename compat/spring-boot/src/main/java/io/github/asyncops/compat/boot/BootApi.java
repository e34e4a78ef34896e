package io.github.asyncops.compat.boot;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.jaxrs.AsyncOpsFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A Spring Boot application with the operations at {@code /api/operations}. */
@SpringBootApplication
public class BootApi {
  /** For Spring. */
  public BootApi() {}

  /**
   * The engine, closed with the application context.
   *
   * @return the engine, with the workers found on the class path
   */
  @Bean(destroyMethod = "close")
  public OperationEngine operationEngine() {
    return OperationEngine.builder().build();
  }

  /**
   * The Jersey application, which the Jersey starter serves at {@code
   * spring.jersey.application-path}.
   *
   * @param engine the engine to serve
   * @return the configuration
   */
  @Bean
  public ResourceConfig api(OperationEngine engine) {
    AsyncOpsFeature asyncOps = AsyncOpsFeature.builder(engine).build();
    return new ResourceConfig().register(asyncOps).register(asyncOps.resourceClass());
  }

  /**
   * Runs the application.
   *
   * @param args Spring Boot's arguments
   */
  public static void main(String[] args) {
    SpringApplication.run(BootApi.class, args);
  }
}
