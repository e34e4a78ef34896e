package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Keeps the top README's "Write a plugin" commands in step with the tests that run them: the
 * archetype's integration test generates and builds a project with the same properties and goal,
 * and {@code PluginDropInIT} starts the demo with the same options on the jar it built.
 */
final class WritePluginReadmeTest {
  private static final Path ROOT = Path.of("..");
  private static final Path IT = ROOT.resolve("archetype/src/test/resources/projects/report");

  @Test
  void the_generate_command_uses_the_properties_the_archetype_test_generates_with()
      throws IOException {
    Map<String, String> command = properties(line("archetype:generate"));
    Properties tested = new Properties();
    try (Reader in = Files.newBufferedReader(IT.resolve("archetype.properties"))) {
      tested.load(in);
    }

    assertThat(command)
        .containsEntry("archetypeGroupId", "io.github.asyncops")
        .containsEntry("archetypeArtifactId", "asyncops-worker-archetype");
    for (String key : tested.stringPropertyNames()) {
      assertThat(command).containsEntry(key, tested.getProperty(key));
    }
  }

  @Test
  void the_build_command_runs_the_goal_the_archetype_test_runs() throws IOException {
    String goal = Files.readString(IT.resolve("goal.txt")).trim();

    assertThat(line("cd report-plugin")).endsWith("mvn -B " + goal);
  }

  @Test
  void the_demo_command_is_one_the_demo_accepts() throws IOException {
    String demo = line("asyncops-demo.jar");
    List<String> options = Arrays.asList(demo.substring(demo.indexOf(".jar") + 5).split(" +"));

    DemoOptions parsed = DemoOptions.parse(options);

    assertThat(parsed.plugins()).isEqualTo(Path.of("target/"));
    assertThat(parsed.language()).isEqualTo(Language.EN);
  }

  /** The command in the section's shell block that contains {@code marker}, without comments. */
  private static String line(String marker) throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String section = readme.substring(readme.indexOf("## Write a plugin"));
    String block = section.substring(section.indexOf("```sh") + 5, section.indexOf("```\n", 6));
    return block
        .lines()
        .filter(l -> l.contains(marker))
        .map(l -> l.replaceAll("\\s+#.*$", "").trim())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no command with " + marker));
  }

  private static Map<String, String> properties(String command) {
    Map<String, String> properties = new HashMap<>();
    for (String word : command.split(" +")) {
      if (word.startsWith("-D") && word.contains("=")) {
        properties.put(word.substring(2, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
      }
    }
    return properties;
  }
}
