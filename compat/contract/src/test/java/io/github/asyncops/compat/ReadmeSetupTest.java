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
 * what the READMEs tell users to write.
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
