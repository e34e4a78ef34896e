package io.github.asyncops.spring.boot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationListener;
import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.core.spi.WorkerProvider;
import io.github.asyncops.core.store.InMemoryOperationStore;
import io.github.asyncops.micrometer.AsyncOpsMetrics;
import io.github.asyncops.store.jdbc.JdbcOperationStore;
import io.github.asyncops.store.jdbc.ValueCodec;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * The engine, its store, its metrics and its health. The engine is built from every {@link
 * WorkerProvider} bean, plus discovered providers, with the {@code asyncops.*} properties; it stops
 * first at shutdown, with its stop grace ({@link EngineLifecycle}).
 *
 * <p>The store is an {@link OperationStore} bean of the application if there is one, a {@link
 * JdbcOperationStore} on the {@link DataSource} with {@code asyncops.store=jdbc} (created after
 * Flyway, Liquibase and SQL initialization have run), or else an in-memory store. With a {@link
 * MeterRegistry}, the engine's meters ({@link AsyncOpsMetrics}) go to it.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
    })
@EnableConfigurationProperties(AsyncOpsProperties.class)
public class AsyncOpsAutoConfiguration {

  /** Created by Spring. */
  public AsyncOpsAutoConfiguration() {}

  /** The JDBC store, with {@code asyncops.store=jdbc}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(JdbcOperationStore.class)
  @ConditionalOnProperty(prefix = "asyncops", name = "store", havingValue = "jdbc")
  static class JdbcStoreConfiguration {

    @Bean
    @ConditionalOnMissingBean(OperationStore.class)
    @DependsOnDatabaseInitialization
    JdbcOperationStore asyncOpsStore(
        AsyncOpsProperties properties,
        ObjectProvider<DataSource> dataSource,
        ObjectProvider<ValueCodec> codec) {
      DataSource source = dataSource.getIfUnique();
      if (source == null) {
        throw new IllegalStateException(
            "asyncops.store=jdbc needs one DataSource bean (or a primary one); there is none");
      }
      AsyncOpsProperties.Jdbc jdbc = properties.jdbc();
      JdbcOperationStore.Builder builder =
          JdbcOperationStore.builder(source)
              .createSchema(jdbc.createSchema())
              .tablePrefix(jdbc.tablePrefix())
              .codec(
                  codec.getIfAvailable(
                      () ->
                          new JacksonValueCodec(
                              new ObjectMapper().registerModule(new JavaTimeModule()))));
      if (jdbc.schema() != null) {
        builder.schema(jdbc.schema());
      }
      return builder.build();
    }
  }

  /**
   * {@code asyncops.store=jdbc} without {@code asyncops-store-jdbc}: the application does not
   * start, rather than keep its operations in memory unnoticed ({@link
   * MissingJdbcStoreFailureAnalyzer}).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingClass("io.github.asyncops.store.jdbc.JdbcOperationStore")
  @ConditionalOnProperty(prefix = "asyncops", name = "store", havingValue = "jdbc")
  static class MissingJdbcStoreConfiguration {

    @Bean
    @ConditionalOnMissingBean(OperationStore.class)
    OperationStore asyncOpsStore() {
      throw new MissingJdbcStoreException();
    }
  }

  /**
   * The in-memory store, unless the application or {@code asyncops.store=jdbc} gives another.
   *
   * @return the store
   */
  @Bean
  @ConditionalOnMissingBean(OperationStore.class)
  OperationStore asyncOpsStore() {
    return new InMemoryOperationStore();
  }

  /**
   * The engine. Worker beans are registered as they are; with {@code asyncops.discover}, core
   * discovers the other providers in {@code META-INF/services} and configures each with its {@code
   * asyncops.plugins.<type>.*} properties ({@link PluginSettings}) and the services: the {@code
   * DataSource}, when there is one, and what {@link AsyncOpsEngineCustomizer} beans register. A
   * provider that fails to load or to configure fails the build with core's {@link
   * io.github.asyncops.core.WorkerDiscoveryException}, and so the application's start.
   *
   * @param properties the {@code asyncops.*} properties
   * @param workers the worker provider beans
   * @param store the store
   * @param listeners listener beans, which hear every operation
   * @param registry where the meters go, if metrics are on
   * @param dataSource the service for discovered providers, if there is one
   * @param customizers adjust the builder last
   * @param resources the application's class loader, where discovery looks
   * @param environment where discovered providers read their settings
   * @return the running engine
   */
  @Bean
  @ConditionalOnMissingBean
  OperationEngine asyncOpsEngine(
      AsyncOpsProperties properties,
      ObjectProvider<WorkerProvider<?>> workers,
      OperationStore store,
      ObjectProvider<OperationListener> listeners,
      ObjectProvider<MeterRegistry> registry,
      ObjectProvider<DataSource> dataSource,
      ObjectProvider<AsyncOpsEngineCustomizer> customizers,
      ResourceLoader resources,
      Environment environment) {
    OperationEngine.Builder builder =
        OperationEngine.builder()
            .maxRunning(properties.maxRunning())
            .queueCapacity(properties.queueCapacity())
            .stopGrace(properties.stopGrace())
            .tickInterval(properties.tickInterval())
            .heartbeatInterval(properties.heartbeatInterval())
            .lease(properties.lease());
    if (properties.nodeId() != null) {
      builder.nodeId(properties.nodeId());
    }
    List<WorkerProvider<?>> beans = workers.orderedStream().toList();
    beans.forEach(builder::worker);
    Set<String> beanClasses =
        beans.stream().map(b -> ClassUtils.getUserClass(b).getName()).collect(Collectors.toSet());
    ClassLoader loader = resources.getClassLoader();
    builder
        .discover(properties.discover())
        .classLoader(
            new DiscoveryClassLoader(
                loader != null ? loader : ClassUtils.getDefaultClassLoader(), beanClasses))
        .settings(new PluginSettings(environment));
    dataSource.ifUnique(source -> builder.service(DataSource.class, source));
    listeners.orderedStream().forEach(builder::listener);
    MeterRegistry meters = registry.getIfUnique();
    AsyncOpsMetrics metrics = meters == null ? null : new AsyncOpsMetrics(meters);
    if (metrics != null) {
      builder.store(metrics.monitor(store)).listener(metrics);
    } else {
      builder.store(store);
    }
    customizers.orderedStream().forEach(c -> c.customize(builder));
    OperationEngine engine = builder.build();
    if (metrics != null) {
      metrics.bind(engine);
    }
    return engine;
  }

  /**
   * Closes the engine before the web server's graceful shutdown.
   *
   * @param engine the engine
   * @return the lifecycle
   */
  @Bean
  EngineLifecycle asyncOpsEngineLifecycle(OperationEngine engine) {
    return new EngineLifecycle(engine);
  }

  /**
   * The engine's health under {@code /actuator/health}, as {@code asyncOps}.
   *
   * @param engine the engine
   * @return the indicator
   */
  @Bean
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnMissingBean(name = "asyncOpsHealthIndicator")
  HealthIndicator asyncOpsHealthIndicator(OperationEngine engine) {
    return new AsyncOpsHealthIndicator(engine);
  }
}
