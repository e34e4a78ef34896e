package io.github.asyncops.micrometer;

import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Forwards every call to a store and counts the calls that throw and the inserts refused for a full
 * queue. A dynamic proxy rather than a hand-written decorator, so a method added to {@link
 * OperationStore} later is forwarded and counted without a change here.
 */
final class MeteredStore implements InvocationHandler {
  private final OperationStore store;
  private final MeterRegistry registry;

  MeteredStore(OperationStore store, MeterRegistry registry) {
    this.store = store;
    this.registry = registry;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    Object result;
    try {
      result = method.invoke(store, args);
    } catch (InvocationTargetException e) {
      Counter.builder("asyncops.store.errors")
          .description("Store calls that threw")
          .tag("call", method.getName())
          .register(registry)
          .increment();
      throw e.getCause();
    }
    if (result instanceof InsertResult.Full && args[0] instanceof OperationRecord record) {
      Counter.builder("asyncops.operations.rejected")
          .description("Starts refused because the queue was full")
          .tags("type", record.type(), "reason", "capacity")
          .register(registry)
          .increment();
    }
    return result;
  }
}
