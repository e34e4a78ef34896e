package io.github.asyncops.compat.consumers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The root README's "Write a plugin", run as written: its {@code archetype:generate} command makes
 * a plugin from the staged archetype, {@code mvn -B verify} builds it, and the jar goes into the
 * demo's plugin directory, next to the contract's workers.
 */
final class PluginDropIn {
  private static final String GENERATE = "mvn -B archetype:generate ";

  private PluginDropIn() {}

  /**
   * Builds the plugin directory.
   *
   * @param work a directory of the build's own
   * @return the directory the demo is launched in, with {@code plugins/} in it
   */
  static Path build(Path work) {
    try {
      Files.createDirectories(work);
      Maven.run(work, work.resolve("generate.log"), generateArguments());
      Path plugin = work.resolve("report-plugin");
      Maven.run(plugin, work.resolve("build.log"), "verify");
      Path plugins = Files.createDirectories(work.resolve("plugins"));
      copyInto(plugins, plugin.resolve("target/report-plugin-1.0.0-SNAPSHOT.jar"));
      copyInto(
          plugins,
          Path.of(System.getProperty("consumer.repository"))
              .resolve("io/github/asyncops/asyncops-compat-workers/0.1.0-SNAPSHOT")
              .resolve("asyncops-compat-workers-0.1.0-SNAPSHOT.jar"));
      return work;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The README's command, without {@code mvn -B}. */
  private static String[] generateArguments() throws IOException {
    String command =
        Files.readAllLines(ConsumerApp.ROOT.resolve("README.md")).stream()
            .filter(line -> line.startsWith(GENERATE))
            .findFirst()
            .orElseThrow(() -> new AssertionError("README.md has no '" + GENERATE + "...' line"));
    return command.substring("mvn -B ".length()).trim().split(" +");
  }

  private static void copyInto(Path directory, Path jar) throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError("no " + jar);
    }
    Files.copy(jar, directory.resolve(jar.getFileName()));
  }
}
