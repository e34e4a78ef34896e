package io.github.asyncops.compat.consumers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Child processes whose output goes to a log that a failure quotes. */
final class Processes {
  /** Lines of a log quoted in a failure. */
  private static final int TAIL_LINES = 60;

  private Processes() {}

  static Process start(List<String> command, Path directory, Path log) {
    try {
      Files.createDirectories(log.getParent());
      return new ProcessBuilder(command)
          .directory(directory.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(String.join(" ", command), e);
    }
  }

  static void awaitSuccess(Process process, long timeout, TimeUnit unit, Path log) {
    int exit = awaitExit(process, timeout, unit, log);
    if (exit != 0) {
      throw new AssertionError("exit " + exit + ", " + tail(log));
    }
  }

  static int awaitExit(Process process, long timeout, TimeUnit unit, Path log) {
    try {
      if (!process.waitFor(timeout, unit)) {
        process.destroyForcibly();
        throw new AssertionError("still running after " + timeout + " " + unit + ", " + tail(log));
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new AssertionError("interrupted", e);
    }
  }

  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
      return "the end of " + log + ":\n" + String.join("\n", tail);
    } catch (IOException e) {
      return "no log at " + log;
    }
  }
}
