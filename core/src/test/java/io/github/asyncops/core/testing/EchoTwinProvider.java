package io.github.asyncops.core.testing;

/** A second provider that claims the name "echo", to test duplicate detection. */
public final class EchoTwinProvider extends EchoProvider {

  /** Creates the provider, as ServiceLoader does. */
  public EchoTwinProvider() {}
}
