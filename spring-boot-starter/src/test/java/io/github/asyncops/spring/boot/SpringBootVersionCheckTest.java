package io.github.asyncops.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * The guard's decision for each Spring Boot version, and its registration where Boot 3.5 and 4 both
 * find it. That Boot 3.5 really stops with it is left to the consumer project built outside the
 * reactor.
 */
final class SpringBootVersionCheckTest {

  @Test
  void boot_3_fails_naming_the_version_and_boot_4() {
    assertThatThrownBy(() -> SpringBootVersionCheck.check("3.5.7"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "asyncops-spring-boot-starter needs Spring Boot 4.0 or later, but this application runs"
                + " Spring Boot 3.5.7. Upgrade the application to Spring Boot 4, or leave the"
                + " starter out and build the engine with OperationEngine.builder() from"
                + " asyncops-core.");
    assertThatThrownBy(() -> SpringBootVersionCheck.check("2.7.18"))
        .hasMessageContaining("runs Spring Boot 2.7.18");
  }

  @Test
  void boot_4_and_later_pass() {
    assertThatCode(() -> SpringBootVersionCheck.check("4.0.7")).doesNotThrowAnyException();
    assertThatCode(() -> SpringBootVersionCheck.check("4.1.0-SNAPSHOT")).doesNotThrowAnyException();
    assertThatCode(() -> SpringBootVersionCheck.check("5.0.0")).doesNotThrowAnyException();
  }

  @Test
  void unknown_version_passes() {
    assertThatCode(() -> SpringBootVersionCheck.check(null)).doesNotThrowAnyException();
    assertThatCode(() -> SpringBootVersionCheck.check("unknown")).doesNotThrowAnyException();
  }

  @Test
  void running_boot_passes() {
    assertThat(SpringBootVersion.getVersion()).startsWith("4.");
    assertThatCode(() -> new SpringBootVersionCheck().onApplicationEvent(null))
        .doesNotThrowAnyException();
  }

  @Test
  void guard_and_analyzers_are_registered_in_spring_factories() {
    SpringFactoriesLoader factories = SpringFactoriesLoader.forDefaultResourceLocation();
    assertThat(factories.load(ApplicationListener.class))
        .anySatisfy(l -> assertThat(l).isInstanceOf(SpringBootVersionCheck.class));
    // Boot's own analyzers need arguments; only the starter's are of interest here.
    assertThat(
            factories.load(
                FailureAnalyzer.class,
                null,
                SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> {})))
        .anySatisfy(a -> assertThat(a).isInstanceOf(MissingJdbcStoreFailureAnalyzer.class))
        .anySatisfy(a -> assertThat(a).isInstanceOf(WorkerDiscoveryFailureAnalyzer.class));
  }
}
