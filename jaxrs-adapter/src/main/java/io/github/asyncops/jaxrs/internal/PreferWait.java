package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationListener;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code Prefer: wait=N} (RFC 7240): reads the preference, and holds a start's response until the
 * operation ends or the wait is over. The request thread waits for at most the configured cap
 * (which is why there is one); the response is not suspended with {@code AsyncResponse}, so starts
 * also work in containers without asynchronous request support.
 */
public final class PreferWait {
  private PreferWait() {}

  /**
   * Reads the wait preference. A malformed or negative value is ignored, as RFC 7240 asks of
   * preferences a server cannot use.
   *
   * @param prefer the {@code Prefer} headers, or null
   * @param cap the longest wait allowed, used in whole seconds
   * @return the wait in whole seconds, at most {@code cap}; zero when none was asked for
   */
  public static Duration parse(List<String> prefer, Duration cap) {
    if (prefer == null) {
      return Duration.ZERO;
    }
    for (String header : prefer) {
      for (String preference : header.split(",")) {
        String[] nameValue = preference.split(";", 2)[0].split("=", 2);
        if (nameValue.length == 2 && nameValue[0].trim().toLowerCase(Locale.ROOT).equals("wait")) {
          Duration wait = seconds(nameValue[1]);
          if (wait != null) {
            return Duration.ofSeconds(Math.min(wait.toSeconds(), cap.toSeconds()));
          }
        }
      }
    }
    return Duration.ZERO;
  }

  /**
   * Waits until an operation ends, or until the wait is over, whichever comes first. The calling
   * thread waits on a future that a watch on the operation completes; it does not poll.
   *
   * @param engine the engine
   * @param id the operation
   * @param wait how long to wait at most
   * @return the final status, or the status when the wait was over
   */
  public static OperationSnapshot await(OperationEngine engine, OperationId id, Duration wait) {
    CompletableFuture<OperationSnapshot> end = new CompletableFuture<>();
    OperationListener listener =
        new OperationListener() {
          @Override
          public void stateChanged(OperationSnapshot snapshot) {
            if (!snapshot.active()) {
              end.complete(snapshot);
            }
          }
        };
    Subscription subscription = engine.watch(id, listener);
    try {
      OperationSnapshot now = engine.status(id);
      if (!now.active()) {
        return now;
      }
      return end.get(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return engine.status(id);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return engine.status(id);
    } finally {
      subscription.close();
    }
  }

  private static Duration seconds(String value) {
    String digits = value.trim();
    if (digits.length() >= 2 && digits.startsWith("\"") && digits.endsWith("\"")) {
      digits = digits.substring(1, digits.length() - 1);
    }
    try {
      long seconds = Long.parseLong(digits);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
