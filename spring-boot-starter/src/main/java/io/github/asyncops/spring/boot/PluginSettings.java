package io.github.asyncops.spring.boot;

import io.github.asyncops.core.SettingsSource;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.Environment;

/**
 * The settings of discovered providers, from Spring's {@link Environment}: core's key {@code
 * report.steps} (the {@code steps} setting of the provider named {@code report}) is the property
 * {@code asyncops.plugins.report.steps}. It is bound with Boot's relaxed rules, so the environment
 * variable {@code ASYNCOPS_PLUGINS_REPORT_STEPS} sets it too. A setting name that is no canonical
 * property name (such as {@code flightSeconds}) is looked up as written.
 */
final class PluginSettings implements SettingsSource {
  /** Where the settings of discovered providers live. */
  static final String PREFIX = "asyncops.plugins.";

  private final Environment environment;
  private final Binder binder;

  PluginSettings(Environment environment) {
    this.environment = environment;
    this.binder = Binder.get(environment);
  }

  @Override
  public Optional<String> get(String key) {
    String name = PREFIX + key;
    if (!ConfigurationPropertyName.isValid(name)) {
      return Optional.ofNullable(environment.getProperty(name));
    }
    BindResult<String> value = binder.bind(name, String.class);
    return value.isBound() ? Optional.of(value.get()) : Optional.empty();
  }
}
