package io.github.asyncops.spring.boot;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.jaxrs.AccessPolicy;
import io.github.asyncops.jaxrs.AsyncOpsFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jersey.autoconfigure.JerseyApplicationPath;
import org.springframework.boot.jersey.autoconfigure.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Serves the engine over HTTP with the JAX-RS adapter on Boot's Jersey, unless {@code
 * asyncops.http.enabled=false}. An application without a Jersey {@link ResourceConfig} gets one at
 * {@code asyncops.http.path} (default {@code /api}; {@code spring.jersey.application-path} wins
 * when set); one with its own gets the adapter added to it. An {@link AccessPolicy} bean, if any,
 * decides who may start, see and stop.
 */
@AutoConfiguration(
    after = AsyncOpsAutoConfiguration.class,
    beforeName = "org.springframework.boot.jersey.autoconfigure.JerseyAutoConfiguration")
@ConditionalOnClass({ResourceConfig.class, AsyncOpsFeature.class})
@ConditionalOnBean(OperationEngine.class)
@ConditionalOnProperty(
    prefix = "asyncops.http",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
public class AsyncOpsJerseyAutoConfiguration {

  /** Created by Spring. */
  public AsyncOpsJerseyAutoConfiguration() {}

  /** A Jersey application for an application that has none. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(ResourceConfig.class)
  static class OwnApplication {

    @Bean
    ResourceConfig asyncOpsResourceConfig() {
      return new ResourceConfig().property(ServerProperties.WADL_FEATURE_DISABLE, true);
    }

    @Bean
    @ConditionalOnMissingBean
    JerseyApplicationPath asyncOpsApplicationPath(
        AsyncOpsProperties properties, Environment environment) {
      String path =
          environment.getProperty("spring.jersey.application-path", properties.http().path());
      return () -> path;
    }
  }

  @Bean
  ResourceConfigCustomizer asyncOpsAdapter(
      OperationEngine engine, AsyncOpsProperties properties, ObjectProvider<AccessPolicy> policy) {
    return new AdapterRegistration(
        engine, properties.http(), properties.admin(), policy.getIfUnique());
  }
}
