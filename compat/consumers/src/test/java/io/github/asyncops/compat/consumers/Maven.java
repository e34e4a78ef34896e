package io.github.asyncops.compat.consumers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Maven on a consumer project as a user would, except for where it resolves from: the stage's
 * own local repository, which holds our artifacts as published and nothing else of ours, with the
 * main build's local repository read as a remote one for released artifacts.
 */
final class Maven {
  /** A consumer build downloads nothing new on a warm machine; a cold one fetches Quarkus. */
  private static final long BUILD_MINUTES = 10;

  private static final Path SETTINGS = settings();

  private Maven() {}

  /**
   * Runs a build and waits for it.
   *
   * @param project the project's directory
   * @param log where its output goes
   * @param arguments goals, profiles and properties
   */
  static void run(Path project, Path log, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString());
    command.addAll(
        List.of(
            "-B",
            "-s",
            SETTINGS.toString(),
            "-Dmaven.repo.local=" + System.getProperty("consumer.repository")));
    command.addAll(List.of(arguments));
    Processes.awaitSuccess(
        Processes.start(command, project, log), BUILD_MINUTES, TimeUnit.MINUTES, log);
  }

  /** The settings with the main build's local repository filled in. */
  private static Path settings() {
    try {
      Path template = Path.of(System.getProperty("consumer.settings"));
      Path settings = Path.of(System.getProperty("consumer.work")).resolve("settings.xml");
      Files.createDirectories(settings.getParent());
      String main = Path.of(System.getProperty("main.repository")).toUri().toString();
      Files.writeString(settings, Files.readString(template).replace("@localRepositoryUrl@", main));
      return settings;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
