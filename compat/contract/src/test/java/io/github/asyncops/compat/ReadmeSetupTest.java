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
 * The adapter README's set-up sections show the compatibility modules' own files: every block after
 * a {@code <!-- snippet: path -->} marker equals that file, and there is one for each runtime.
 */
final class ReadmeSetupTest {
  private static final Path ROOT = Path.of("../..");
  private static final Pattern SNIPPET =
      Pattern.compile("<!-- snippet: (\\S+) -->\n```\\w*\n(.*?)\n```\n", Pattern.DOTALL);

  @Test
  void every_snippet_is_the_file_it_names() throws IOException {
    String readme = Files.readString(ROOT.resolve("jaxrs-adapter/README.md"));
    Matcher snippet = SNIPPET.matcher(readme);
    List<String> paths = new ArrayList<>();
    while (snippet.find()) {
      String path = snippet.group(1);
      String file = Files.readString(ROOT.resolve(path)).stripTrailing();
      assertThat(snippet.group(2)).as(path).isEqualTo(file);
      paths.add(path);
    }

    assertThat(paths)
        .as("a set-up for each runtime")
        .anyMatch(path -> path.startsWith("compat/jersey/"))
        .anyMatch(path -> path.startsWith("compat/resteasy/"))
        .anyMatch(path -> path.startsWith("compat/spring-boot/"))
        .anyMatch(path -> path.startsWith("compat/quarkus/"));
    assertThat(readme.split("<!-- snippet: ", -1)).hasSize(paths.size() + 1);
  }
}
