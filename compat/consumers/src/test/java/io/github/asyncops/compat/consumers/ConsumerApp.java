package io.github.asyncops.compat.consumers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An application that a user builds outside the reactor: a project under {@code compat/}, copied to
 * {@code target/apps}, built by {@link Maven} from the stage's repository, and started on a free
 * port the first time a test asks for it. It runs until the test JVM ends.
 */
final class ConsumerApp {
  /** How long a started application may take to answer its first request. */
  private static final Duration READY = Duration.ofMinutes(2);

  /** The repository's root directory. */
  static final Path ROOT = Path.of(System.getProperty("repository.root"));

  private static final Path WORK = Path.of(System.getProperty("consumer.work"));

  /** The JDK's {@code java} that runs the tests. */
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  /** Builds the application. */
  interface Build {
    /**
     * Builds it.
     *
     * @param work a directory of its own
     * @return the built project's directory, where it is launched
     */
    Path build(Path work);
  }

  /** Builds the application's launch command. */
  interface Launch {
    /**
     * The command.
     *
     * @param project the built project's directory
     * @param port the port to serve on
     * @return the command line
     */
    List<String> command(Path project, int port);
  }

  private final String name;
  private final String basePath;
  private final Build build;
  private final Launch launch;
  private Path built;
  private int runs;
  private URI base;
  private Throwable failure;
  private Process process;

  ConsumerApp(String name, String basePath, Build build, Launch launch) {
    this.name = name;
    this.basePath = basePath;
    this.build = build;
    this.launch = launch;
  }

  /**
   * A project under {@code compat/}, copied and built with Maven.
   *
   * @param project its directory under {@code compat/}
   * @param arguments Maven's goals, profiles and properties
   */
  static Build project(String project, List<String> arguments) {
    return work -> {
      Path copy = copy(ROOT.resolve("compat").resolve(project), work.resolve(project));
      Maven.run(copy, work.resolve("build.log"), arguments.toArray(String[]::new));
      return copy;
    };
  }

  /**
   * A plain {@code main} class run on the project's classes and the run-time class path that Maven
   * resolved for it.
   */
  static Launch main(String mainClass, String... arguments) {
    return (project, port) -> {
      List<String> command = new ArrayList<>();
      command.add(JAVA);
      command.add("-cp");
      command.add(project.resolve("target/classes") + File.pathSeparator + classPath(project));
      command.add(mainClass);
      for (String argument : arguments) {
        command.add(argument.replace("{port}", Integer.toString(port)));
      }
      return command;
    };
  }

  /**
   * An executable jar.
   *
   * @param jar the jar, relative to the project
   * @param options JVM options, where {@code {port}} stands for the port
   */
  static Launch jar(String jar, String... options) {
    return (project, port) -> {
      List<String> command = new ArrayList<>();
      command.add(JAVA);
      for (String option : options) {
        command.add(option.replace("{port}", Integer.toString(port)));
      }
      command.add("-jar");
      command.add(project.resolve(jar).toString());
      return command;
    };
  }

  /** A plain {@code main} build: compile, and write the run-time class path. */
  static List<String> mainBuild(String... more) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "package",
                "dependency:build-classpath",
                "-Dmdep.outputFile=classpath.txt",
                "-Dmdep.includeScope=runtime"));
    arguments.addAll(List.of(more));
    return arguments;
  }

  String name() {
    return name;
  }

  /**
   * Where the adapter answers, building and starting the application first if needed.
   *
   * @return the base URI, such as {@code http://localhost:PORT/api/operations}
   */
  synchronized URI base() {
    if (failure != null) {
      throw new AssertionError(name + " could not be started", failure);
    }
    if (base == null) {
      try {
        Path project = build();
        int port = freePort();
        Path log = WORK.resolve(name).resolve("run.log");
        process = Processes.start(launch.command(project, port), project, log);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        URI started = URI.create("http://localhost:" + port + basePath);
        awaitReady(started, log);
        base = started;
      } catch (RuntimeException | AssertionError e) {
        failure = e;
        throw e;
      }
    }
    return base;
  }

  /**
   * Runs the application once more, with more arguments, until it exits by itself.
   *
   * @param arguments added to its command line
   * @return its exit code and its output
   */
  synchronized Exit runToExit(String... arguments) {
    Path project = build();
    List<String> command = new ArrayList<>(launch.command(project, freePort()));
    command.addAll(List.of(arguments));
    Path log = WORK.resolve(name).resolve("run-" + runs++ + ".log");
    int code =
        Processes.awaitExit(Processes.start(command, project, log), 2, TimeUnit.MINUTES, log);
    try {
      return new Exit(code, Files.readString(log));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * How a run ended.
   *
   * @param code the exit code
   * @param output what it printed
   */
  record Exit(int code, String output) {}

  private Path build() {
    if (built == null) {
      Path work = WORK.resolve(name);
      deleteRecursively(work); // what an earlier run left, such as a generated project
      built = build.build(work);
    }
    return built;
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port the application serves on. */
  int port() {
    return base().getPort();
  }

  private void awaitReady(URI base, Path log) {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(READY);
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<Void> answer =
            http.send(
                HttpRequest.newBuilder(base).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(name + " did not start", e);
      }
      if (exitedWithin(Duration.ofMillis(250))) {
        throw new AssertionError(
            name + " exited with " + process.exitValue() + ", " + Processes.tail(log));
      }
    }
    throw new AssertionError(name + " did not answer within " + READY + ", " + Processes.tail(log));
  }

  private boolean exitedWithin(Duration wait) {
    try {
      return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /** Copies a project without its build output. */
  static Path copy(Path source, Path target) {
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path relative = source.relativize(file);
        if (relative.startsWith("target")) {
          continue;
        }
        Path destination = target.resolve(relative.toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String classPath(Path project) {
    try {
      return Files.readString(project.resolve("classpath.txt")).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
