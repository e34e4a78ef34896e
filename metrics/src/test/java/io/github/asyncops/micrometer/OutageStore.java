package io.github.asyncops.micrometer;

import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.core.store.InMemoryOperationStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory store whose calls, chosen by the store method's name, throw as a database outage
 * does.
 */
final class OutageStore implements InvocationHandler {
  private final OperationStore delegate = new InMemoryOperationStore();
  private final Set<String> down = ConcurrentHashMap.newKeySet();

  /** Makes every later call of the store method {@code name} throw. */
  void fail(String name) {
    down.add(name);
  }

  /** The store to hand to the engine. */
  OperationStore store() {
    return (OperationStore)
        Proxy.newProxyInstance(
            OperationStore.class.getClassLoader(), new Class<?>[] {OperationStore.class}, this);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (down.contains(method.getName())) {
      throw new IllegalStateException("the database is down (" + method.getName() + ")");
    }
    try {
      return method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
