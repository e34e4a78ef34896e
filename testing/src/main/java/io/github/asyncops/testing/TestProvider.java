package io.github.asyncops.testing;

import io.github.asyncops.core.Scope;
import io.github.asyncops.core.StartPolicy;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * A worker provider whose declaration a test sets field by field, and whose workers come from a
 * function of the parameters. Immutable; the {@code with} methods return copies.
 */
public final class TestProvider implements WorkerProvider<Object> {
  private final String name;
  private final Scope scope;
  private final StartPolicy policy;
  private final int maxConcurrent;
  private final Duration timeout;
  private final Duration retention;
  private final boolean restartable;
  private final Function<Object, Worker> factory;

  private TestProvider(
      String name,
      Scope scope,
      StartPolicy policy,
      int maxConcurrent,
      Duration timeout,
      Duration retention,
      boolean restartable,
      Function<Object, Worker> factory) {
    this.name = name;
    this.scope = scope;
    this.policy = policy;
    this.maxConcurrent = maxConcurrent;
    this.timeout = timeout;
    this.retention = retention;
    this.restartable = restartable;
    this.factory = Objects.requireNonNull(factory);
  }

  /**
   * A provider of scope NONE and policy JOIN, 4 concurrent, no timeout, 1 minute retention, not
   * restartable.
   *
   * @param name the type name
   * @param factory makes a worker from the parameters
   * @return the provider
   */
  public static TestProvider of(String name, Function<Object, Worker> factory) {
    return new TestProvider(
        name,
        Scope.NONE,
        StartPolicy.JOIN,
        4,
        Duration.ZERO,
        Duration.ofMinutes(1),
        false,
        factory);
  }

  /**
   * Copies with another scope.
   *
   * @param newScope the scope
   * @return the copy
   */
  public TestProvider scope(Scope newScope) {
    return new TestProvider(
        name, newScope, policy, maxConcurrent, timeout, retention, restartable, factory);
  }

  /**
   * Copies with another start policy.
   *
   * @param newPolicy the policy
   * @return the copy
   */
  public TestProvider policy(StartPolicy newPolicy) {
    return new TestProvider(
        name, scope, newPolicy, maxConcurrent, timeout, retention, restartable, factory);
  }

  /**
   * Copies with another concurrency limit.
   *
   * @param max the limit
   * @return the copy
   */
  public TestProvider maxConcurrent(int max) {
    return new TestProvider(name, scope, policy, max, timeout, retention, restartable, factory);
  }

  /**
   * Copies with another timeout.
   *
   * @param newTimeout the timeout
   * @return the copy
   */
  public TestProvider timeout(Duration newTimeout) {
    return new TestProvider(
        name, scope, policy, maxConcurrent, newTimeout, retention, restartable, factory);
  }

  /**
   * Copies with another retention.
   *
   * @param newRetention the retention
   * @return the copy
   */
  public TestProvider retention(Duration newRetention) {
    return new TestProvider(
        name, scope, policy, maxConcurrent, timeout, newRetention, restartable, factory);
  }

  /**
   * Copies with another restartability: a shared store queues a restartable type's operations again
   * when their node is lost.
   *
   * @param newRestartable whether the type is restartable
   * @return the copy
   */
  public TestProvider restartable(boolean newRestartable) {
    return new TestProvider(
        name, scope, policy, maxConcurrent, timeout, retention, newRestartable, factory);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Scope scope() {
    return scope;
  }

  @Override
  public StartPolicy startPolicy() {
    return policy;
  }

  @Override
  public Class<Object> parameterType() {
    return Object.class;
  }

  @Override
  public int maxConcurrent() {
    return maxConcurrent;
  }

  @Override
  public Duration timeout() {
    return timeout;
  }

  @Override
  public Duration retention() {
    return retention;
  }

  @Override
  public boolean restartable() {
    return restartable;
  }

  @Override
  public Worker create(Object parameters) {
    return factory.apply(parameters);
  }
}
