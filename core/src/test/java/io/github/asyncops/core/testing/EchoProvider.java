package io.github.asyncops.core.testing;

import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;

/** A discoverable type named "echo" whose operations succeed at once with their parameters. */
public class EchoProvider implements WorkerProvider<String> {

  /** Creates the provider, as ServiceLoader does. */
  public EchoProvider() {}

  @Override
  public String name() {
    return "echo";
  }

  @Override
  public Class<String> parameterType() {
    return String.class;
  }

  @Override
  public Worker create(String parameters) {
    return context -> OperationResult.of(parameters);
  }
}
