package io.github.asyncops.core;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Finds {@code Executors.newVirtualThreadPerTaskExecutor()} at run time. Core is compiled for Java
 * 17, where the method does not exist, so it is looked up with a method handle rather than called:
 * the same jar then runs workers on virtual threads on Java 21 and later, and says why it cannot on
 * an older runtime.
 */
final class VirtualThreads {
  private VirtualThreads() {}

  /**
   * Creates an executor that starts a new virtual thread for each task.
   *
   * @return the executor
   * @throws UnsupportedOperationException if the runtime has no virtual threads (before Java 21)
   */
  static ExecutorService perTaskExecutor() {
    MethodHandle factory;
    try {
      factory =
          MethodHandles.publicLookup()
              .findStatic(
                  Executors.class,
                  "newVirtualThreadPerTaskExecutor",
                  MethodType.methodType(ExecutorService.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new UnsupportedOperationException(
          "virtual threads need Java 21 or later, this is Java "
              + Runtime.version().feature()
              + "; run on a newer JDK or leave out virtualThreads()",
          e);
    }
    try {
      return (ExecutorService) factory.invokeExact();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("could not create a virtual thread executor", e);
    }
  }
}
