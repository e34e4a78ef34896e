package io.github.asyncops.spring.boot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The asyncops.* properties: the engine's options, the store, and the HTTP adapter. Each default is
 * the one of the builder method of the same name.
 *
 * @param discover Whether worker providers listed in META-INF/services join the WorkerProvider
 *     beans, each configured from asyncops.plugins.TYPE.* properties; a provider class that is also
 *     a bean is taken once, as the bean
 * @param store Where operation records live: memory (one node, lost at restart) or jdbc (the
 *     application's DataSource; nodes share it)
 * @param maxRunning The most operations running at once on this node, across all types
 * @param queueCapacity The most operations queued at once; starts beyond it are refused
 * @param stopGrace From a stop request to interrupting the worker; shutdown waits up to this long
 *     for running operations, then as long again after interrupting them
 * @param tickInterval How often progress is published and timeouts are checked
 * @param heartbeatInterval How often this node confirms to the store what it runs
 * @param lease Without a heartbeat this long, an operation fails as "node lost"
 * @param nodeId This node's name among those sharing a store; a random UUID when unset
 * @param jdbc The JDBC store's settings, used with store=jdbc
 * @param http The HTTP adapter's settings
 * @param admin Who may use the operator console's API under PATH/operations/_admin
 */
@ConfigurationProperties("asyncops")
public record AsyncOpsProperties(
    @DefaultValue("true") boolean discover,
    @DefaultValue("memory") Store store,
    @DefaultValue("16") int maxRunning,
    @DefaultValue("1000") int queueCapacity,
    @DefaultValue("10s") Duration stopGrace,
    @DefaultValue("100ms") Duration tickInterval,
    @DefaultValue("5s") Duration heartbeatInterval,
    @DefaultValue("30s") Duration lease,
    String nodeId,
    @DefaultValue Jdbc jdbc,
    @DefaultValue Http http,
    @DefaultValue Admin admin) {

  /** Where operation records live. */
  public enum Store {
    /** InMemoryOperationStore: one node; records are lost at restart. */
    MEMORY,
    /** JdbcOperationStore on the application's DataSource. */
    JDBC
  }

  /**
   * The JDBC store's settings.
   *
   * @param createSchema Whether the store creates its tables (and schema) when missing; turn off
   *     when Flyway or Liquibase manage them, from the DDL that store-jdbc ships
   * @param schema The database schema of the tables, or the connection's default when unset
   * @param tablePrefix The prefix of the store's table names
   */
  public record Jdbc(
      @DefaultValue("true") boolean createSchema,
      String schema,
      @DefaultValue("asyncops_") String tablePrefix) {}

  /**
   * The HTTP adapter's settings.
   *
   * @param enabled Whether the adapter is registered with Boot's Jersey
   * @param path The application path of the Jersey application that the starter creates when the
   *     application has no ResourceConfig; the operations are at PATH/operations. An application
   *     with its own ResourceConfig gets the adapter added under its path.
   * @param requirePrincipal Whether callers without a principal are refused (403) instead of being
   *     told apart by a cookie
   * @param maxWait The cap on Prefer: wait; zero ignores the preference
   * @param maxBodySize The largest start body, in bytes
   */
  public record Http(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("/api") String path,
      @DefaultValue("false") boolean requirePrincipal,
      @DefaultValue("30s") Duration maxWait,
      @DefaultValue("65536") int maxBodySize) {}

  /**
   * Who may use the operator console's API. A caller has a role when the servlet request says so
   * (HttpServletRequest.isUserInRole) or, with Spring Security, when the Authentication has the
   * authority ROLE or ROLE_ROLE; callers with neither get 404 on every admin path.
   *
   * @param role The role that may list, read, stop and delete every operation
   * @param readRole The role that may only list and read every operation; empty for none
   */
  public record Admin(
      @DefaultValue("asyncops-admin") String role,
      @DefaultValue("asyncops-viewer") String readRole) {}
}
