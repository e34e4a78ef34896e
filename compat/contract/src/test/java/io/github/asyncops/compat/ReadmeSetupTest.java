package io.github.asyncops.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The READMEs' set-up sections show the consumer projects' own files: every block after a {@code
 * <!-- snippet: path -->} marker equals that file, so what the consumer stage builds and runs is
 * what the READMEs tell users to write. The root README's two set-up commands are the ones that
 * {@code .ci/run} and the consumer stage run: the test command is {@code .ci/run}'s, and the demo's
 * jar is the one the stage starts ({@code Apps.DEMO}) and example-app builds.
 */
final class ReadmeSetupTest {
  private static final Path ROOT = Path.of("../..");
  private static final Pattern SNIPPET =
      Pattern.compile("<!-- snippet: (\\S+) -->\n```\\w*\n(.*?)\n```\n", Pattern.DOTALL);

  @Test
  void the_adapter_readme_shows_a_set_up_for_each_runtime() throws IOException {
    assertThat(snippets("jaxrs-adapter/README.md"))
        .anyMatch(path -> path.startsWith("compat/jersey/"))
        .anyMatch(path -> path.startsWith("compat/resteasy/"))
        .anyMatch(path -> path.startsWith("compat/spring-boot/"))
        .anyMatch(path -> path.startsWith("compat/quarkus/"));
  }

  @Test
  void the_starter_readme_shows_the_starter_application() throws IOException {
    assertThat(snippets("spring-boot-starter/README.md"))
        .contains(
            "compat/starter/src/main/java/demo/App.java",
            "compat/starter/src/main/resources/application-jdbc.properties");
  }

  @Test
  void the_root_readme_has_two_commands_ci_runs_the_test_one_and_the_demo_one_names_the_jar()
      throws IOException {
    Matcher block =
        Pattern.compile("```sh\n(.*?)\n```", Pattern.DOTALL)
            .matcher(Files.readString(ROOT.resolve("README.md")));
    assertThat(block.find()).as("the README's first sh block").isTrue();
    List<String> commands = block.group(1).lines().filter(line -> !line.startsWith("#")).toList();
    String ci = Files.readString(ROOT.resolve(".ci/run"));
    String pom = Files.readString(ROOT.resolve("example-app/pom.xml"));

    assertThat(commands)
        .containsExactly(
            "mvn -B -q -pl example-app -am package -DskipTests"
                + " && java -jar example-app/target/asyncops-demo.jar",
            "mvn -B verify");
    assertThat(ci.lines()).contains(commands.get(1));
    assertThat(pom).contains("<finalName>asyncops-demo</finalName>");
  }

  /** The snippets of one README, each checked against its file. */
  private static List<String> snippets(String readmePath) throws IOException {
    String readme = Files.readString(ROOT.resolve(readmePath));
    Matcher snippet = SNIPPET.matcher(readme);
    List<String> paths = new ArrayList<>();
    while (snippet.find()) {
      String path = snippet.group(1);
      String file = Files.readString(ROOT.resolve(path)).stripTrailing();
      assertThat(snippet.group(2)).as(path).isEqualTo(file);
      paths.add(path);
    }
    assertThat(readme.split("<!-- snippet: ", -1)).as("markers").hasSize(paths.size() + 1);
    return paths;
  }
}
