package io.github.asyncops.compat.consumers;

import java.util.List;

/** The consumer applications, each built and started once per test run, when first asked for. */
final class Apps {
  /** The adapter README's Jersey + Grizzly set-up. */
  static final ConsumerApp JERSEY =
      new ConsumerApp(
          "jersey",
          "/api/operations",
          ConsumerApp.project("jersey", ConsumerApp.mainBuild()),
          ConsumerApp.main("io.github.asyncops.compat.jersey.Main", "{port}"));

  /** The adapter README's RESTEasy + Undertow set-up. */
  static final ConsumerApp RESTEASY =
      new ConsumerApp(
          "resteasy",
          "/api/operations",
          ConsumerApp.project("resteasy", ConsumerApp.mainBuild()),
          ConsumerApp.main("io.github.asyncops.compat.resteasy.Main", "{port}"));

  /** The adapter README's Spring Boot set-up, on Boot's Jersey starter without ours. */
  static final ConsumerApp SPRING_BOOT =
      new ConsumerApp(
          "spring-boot",
          "/api/operations",
          ConsumerApp.project("spring-boot", ConsumerApp.mainBuild()),
          ConsumerApp.main("io.github.asyncops.compat.boot.BootApi", "--server.port={port}"));

  /** The adapter README's Quarkus REST set-up, run from the jar Quarkus builds. */
  static final ConsumerApp QUARKUS =
      new ConsumerApp(
          "quarkus",
          "/api/operations",
          ConsumerApp.project("quarkus", List.of("package")),
          ConsumerApp.jar("target/quarkus-app/quarkus-run.jar", "-Dquarkus.http.port={port}"));

  /** The starter README's application, in memory. */
  static final ConsumerApp STARTER =
      new ConsumerApp(
          "starter",
          "/api/operations",
          ConsumerApp.project("starter", ConsumerApp.mainBuild()),
          ConsumerApp.main("demo.App", "--server.port={port}"));

  /** The same application with the JDBC store on the local PostgreSQL. */
  static final ConsumerApp STARTER_JDBC =
      new ConsumerApp(
          "starter-jdbc",
          "/api/operations",
          ConsumerApp.project("starter", ConsumerApp.mainBuild("-Pjdbc")),
          ConsumerApp.main(
              "demo.App",
              "--server.port={port}",
              "--spring.profiles.active=jdbc",
              "--asyncops.jdbc.table-prefix=" + StarterIT.TABLE_PREFIX));

  /** A Spring Boot 3.5 application with the starter, which needs Boot 4. */
  static final ConsumerApp STARTER_ON_BOOT_3 =
      new ConsumerApp(
          "starter-boot3",
          "/api/operations",
          ConsumerApp.project("starter-boot3", ConsumerApp.mainBuild()),
          ConsumerApp.main("demo.App", "--server.port={port}"));

  /** The demo as the root README runs it, with a plugin made by the archetype dropped in. */
  static final ConsumerApp DEMO =
      new ConsumerApp(
          "demo",
          "/api/operations",
          PluginDropIn::build,
          (project, port) ->
              List.of(
                  ConsumerApp.JAVA,
                  "-jar",
                  ConsumerApp.ROOT.resolve("example-app/target/asyncops-demo.jar").toString(),
                  "--port",
                  Integer.toString(port),
                  "--plugins",
                  project.resolve("plugins").toString()));

  private Apps() {}
}
