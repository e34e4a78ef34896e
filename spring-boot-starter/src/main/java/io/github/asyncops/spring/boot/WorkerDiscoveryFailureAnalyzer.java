package io.github.asyncops.spring.boot;

import io.github.asyncops.core.WorkerDiscoveryException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains core's {@link WorkerDiscoveryException} (a provider that fails to load or to configure,
 * a missing or invalid setting, a missing service, two providers of one name) in Boot's
 * "APPLICATION FAILED TO START" report, naming the property behind each setting.
 */
final class WorkerDiscoveryFailureAnalyzer
    extends AbstractFailureAnalyzer<WorkerDiscoveryException> {

  static final String ACTION =
      "Set each provider's settings as properties named asyncops.plugins.<type>.<setting> (or"
          + " environment variables such as ASYNCOPS_PLUGINS_<TYPE>_<SETTING>), declare the"
          + " services they need as beans (a DataSource) or register them with an"
          + " AsyncOpsEngineCustomizer bean, or remove the provider's jar. asyncops.discover=false"
          + " uses only WorkerProvider beans.";

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, WorkerDiscoveryException cause) {
    // Core names a setting by its key under the provider; the application sets it as a property.
    String description =
        cause
            .getMessage()
            .replaceAll(
                "setting '([^']+)'", "setting '$1' (property " + PluginSettings.PREFIX + "$1)");
    return new FailureAnalysis("asyncops " + description, ACTION, cause);
  }
}
