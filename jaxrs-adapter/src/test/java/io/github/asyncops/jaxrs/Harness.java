package io.github.asyncops.jaxrs;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.StartPolicy;
import io.github.asyncops.core.examples.MissileLaunch;
import io.github.asyncops.core.examples.SpokenFlight;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;
import io.github.asyncops.testing.EngineFixture;
import io.github.asyncops.testing.Gate;
import io.github.asyncops.testing.TestProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * An engine on a {@link EngineFixture} and the JAX-RS application that serves it, as the demo does:
 * {@code missile-launch} (GLOBAL, JOIN, no parameters, 4 steps) and {@code csv-export} (USER, typed
 * parameters, a download), plus {@code reject} (GLOBAL, REJECT), {@code restart} (GLOBAL, RESTART),
 * {@code keyed} (KEY), {@code answer} (NONE, a value result at once) and {@code spoken-flight}
 * (GLOBAL, messages in ru and en). Every gated worker waits at the one {@link #gate}.
 */
final class Harness implements AutoCloseable {
  final Gate gate = new Gate();
  final EngineFixture fixture;
  final OperationEngine engine;
  private final AsyncOpsFeature feature;

  Harness() {
    this(adapter -> {});
  }

  Harness(Consumer<AsyncOpsFeature.Builder> adapter) {
    this(adapter, engine -> {});
  }

  Harness(Consumer<AsyncOpsFeature.Builder> adapter, Consumer<OperationEngine.Builder> settings) {
    this(adapter, settings, true);
  }

  /**
   * A harness whose types report plain texts only: no {@code spoken-flight}, so no type has message
   * bundles.
   *
   * @param settings changes to the engine's builder
   * @return the harness
   */
  static Harness plainTexts(Consumer<OperationEngine.Builder> settings) {
    return new Harness(adapter -> {}, settings, false);
  }

  private Harness(
      Consumer<AsyncOpsFeature.Builder> adapter,
      Consumer<OperationEngine.Builder> settings,
      boolean messages) {
    List<WorkerProvider<?>> types =
        new ArrayList<>(
            List.of(
                new MissileLaunch(4, gate),
                new CsvExport(gate),
                TestProvider.of("reject", p -> gated())
                    .scope(Scope.GLOBAL)
                    .policy(StartPolicy.REJECT),
                TestProvider.of("restart", p -> gated())
                    .scope(Scope.GLOBAL)
                    .policy(StartPolicy.RESTART),
                TestProvider.of("keyed", p -> gated()).scope(Scope.KEY),
                TestProvider.of(
                    "answer", p -> context -> OperationResult.of(Map.of("answer", 42)))));
    if (messages) {
      types.add(new SpokenFlight(gate));
    }
    fixture = new EngineFixture(settings, types.toArray(WorkerProvider<?>[]::new));
    engine = fixture.engine;
    AsyncOpsFeature.Builder builder = AsyncOpsFeature.builder(engine);
    adapter.accept(builder);
    feature = builder.build();
  }

  /**
   * The application: the feature, a stand-in for authentication, a resource outside the base, and
   * any more components.
   */
  ResourceConfig application(Object... components) {
    ResourceConfig config =
        new ResourceConfig()
            .register(feature)
            .register(feature.resourceClass())
            .register(TestPrincipals.class)
            .register(OtherResource.class)
            .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    for (Object component : components) {
      config.register(component);
    }
    return config;
  }

  /** How many starts wait suspended for {@code Prefer: wait} now. */
  int waitingStarts() {
    return feature.adapter().suspendedStarts();
  }

  private Worker gated() {
    return context -> {
      gate.pass(context);
      return OperationResult.none();
    };
  }

  @Override
  public void close() {
    gate.open(1_000);
    fixture.close();
  }
}
