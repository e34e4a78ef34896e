package io.github.asyncops.compat.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every asyncops artifact a README tells users to declare is published (the stage installed it,
 * with its POM), and every consumer project declares only artifacts that a README names, besides
 * the contract's workers: docs and consumers cannot drift apart.
 */
final class ReadmeCoordinatesIT {
  private static final Pattern COORDINATES =
      Pattern.compile(
          "<groupId>io\\.github\\.asyncops</groupId>\\s*<artifactId>([\\w-]+)</artifactId>");
  private static final String WORKERS = "asyncops-compat-workers";

  @Test
  void every_artifact_a_readme_names_is_published() throws IOException {
    Set<String> named = artifacts(files("README.md"));

    assertThat(named).contains("asyncops-spring-boot-starter", "asyncops-jaxrs", "asyncops-bom");
    Path repository = Path.of(System.getProperty("consumer.repository"), "io/github/asyncops");
    for (String artifact : named) {
      Path version = repository.resolve(artifact).resolve("0.1.0-SNAPSHOT");
      assertThat(version.resolve(artifact + "-0.1.0-SNAPSHOT.pom")).as(artifact).isRegularFile();
    }
  }

  @Test
  void every_consumer_declares_only_what_a_readme_names() throws IOException {
    Set<String> declared = artifacts(files("pom.xml"));
    declared.remove(WORKERS);

    assertThat(artifacts(files("README.md"))).containsAll(declared);
  }

  /** The files of that name in the repository, or under compat/ for POMs: the consumers'. */
  private static Stream<Path> files(String name) throws IOException {
    Path root = name.equals("pom.xml") ? ConsumerApp.ROOT.resolve("compat") : ConsumerApp.ROOT;
    int depth = name.equals("pom.xml") ? 2 : 3;
    return Files.walk(root, depth)
        .filter(file -> file.getFileName().toString().equals(name))
        .filter(
            file ->
                !file.toString().contains("node_modules") && !file.toString().contains("target"))
        .filter(file -> !name.equals("pom.xml") || isConsumer(file));
  }

  private static boolean isConsumer(Path pom) {
    try {
      return !Files.readString(pom).contains("<artifactId>asyncops-compat</artifactId>")
          && !pom.getParent().equals(ConsumerApp.ROOT.resolve("compat"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Set<String> artifacts(Stream<Path> files) throws IOException {
    Set<String> artifacts = new TreeSet<>();
    for (Path file : (Iterable<Path>) files::iterator) {
      Matcher matcher = COORDINATES.matcher(Files.readString(file));
      while (matcher.find()) {
        artifacts.add(matcher.group(1));
      }
    }
    return artifacts;
  }
}
