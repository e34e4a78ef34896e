package io.github.asyncops.spring.boot;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Stops an application on Spring Boot 3 at once, with a message that names Boot 4, instead of a
 * {@code NoClassDefFoundError} about a class that Boot 4 moved.
 *
 * <p>Registered in {@code META-INF/spring.factories} as an {@link ApplicationListener}, a key that
 * Boot 3.5 and 4 both read when {@code SpringApplication} is created. It acts on the first event,
 * {@link ApplicationStartingEvent}, which Boot publishes before it creates the environment, where
 * Boot 3.5 with the starter's Boot 4 modules fails. This class therefore references only types that
 * both versions have, in the same packages: {@link SpringBootVersion}, {@link
 * ApplicationStartingEvent} and Spring Framework's.
 */
final class SpringBootVersionCheck
    implements ApplicationListener<ApplicationStartingEvent>, Ordered {
  /** The first Spring Boot major version the starter's auto-configuration is written for. */
  static final int REQUIRED_MAJOR = 4;

  @Override
  public void onApplicationEvent(ApplicationStartingEvent event) {
    check(SpringBootVersion.getVersion());
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  /**
   * Refuses a Spring Boot version older than {@value #REQUIRED_MAJOR}.
   *
   * @param version Boot's version, such as {@code 3.5.7}, or null when Boot cannot tell (a
   *     repackaged jar without its manifest), which passes
   * @throws IllegalStateException naming the version found and Spring Boot 4
   */
  static void check(String version) {
    if (version == null) {
      return;
    }
    int dot = version.indexOf('.');
    String major = dot < 0 ? version : version.substring(0, dot);
    int found;
    try {
      found = Integer.parseInt(major.trim());
    } catch (NumberFormatException e) {
      return;
    }
    if (found < REQUIRED_MAJOR) {
      throw new IllegalStateException(
          "asyncops-spring-boot-starter needs Spring Boot 4.0 or later, but this application runs"
              + " Spring Boot "
              + version
              + ". Upgrade the application to Spring Boot 4, or leave the starter out and build"
              + " the engine with OperationEngine.builder() from asyncops-core.");
    }
  }
}
