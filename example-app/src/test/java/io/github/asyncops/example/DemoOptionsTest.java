package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options of a web node ({@code --workers off}): it needs a database and takes no plugins,
 * since it declares its types; and the two nodes of store-jdbc's README are started with options
 * the demo accepts. The other options are covered where the demo runs with them.
 */
final class DemoOptionsTest {
  @TempDir Path plugins;

  @Test
  void a_web_node_with_a_database_is_accepted() {
    DemoOptions options =
        DemoOptions.parse(List.of("--workers", "off", "--jdbc-url", "jdbc:h2:mem:web"));

    assertThat(options.runsWorkers()).isFalse();
    assertThat(options.plugins()).isNull();
  }

  @Test
  void a_web_node_without_a_database_is_refused() {
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--workers", "off")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--workers off needs --jdbc-url");
  }

  @Test
  void a_web_node_with_plugins_is_refused() {
    assertThatThrownBy(
            () ->
                DemoOptions.parse(
                    List.of(
                        "--workers",
                        "off",
                        "--jdbc-url",
                        "jdbc:h2:mem:web",
                        "--plugins",
                        plugins.toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--plugins does not go with --workers off");
  }

  @Test
  void the_two_nodes_of_the_store_readme_start_with_options_the_demo_accepts() throws IOException {
    String readme = Files.readString(Path.of("../store-jdbc/README.md"));
    String section = readme.substring(readme.indexOf("## Two demo nodes on one PostgreSQL"));
    String block = section.substring(section.indexOf("```sh\njava ") + 6);
    List<DemoOptions> nodes =
        Arrays.stream(block.substring(0, block.indexOf("```")).split("\n(?=java )"))
            .map(command -> command.replace("\\\n", " "))
            .map(command -> command.substring(command.indexOf(".jar") + 4).trim().split("\\s+"))
            .map(words -> DemoOptions.parse(List.of(words)))
            .toList();

    assertThat(nodes).hasSize(2);
    assertThat(nodes.get(0).runsWorkers()).as("the first is the web node").isFalse();
    assertThat(nodes.get(0).plugins()).isNull();
    assertThat(nodes.get(1).runsWorkers()).as("the second is a worker node").isTrue();
    assertThat(nodes).extracting(DemoOptions::jdbcUrl).containsOnly(nodes.get(0).jdbcUrl());
  }

  @Test
  void the_admin_password_is_taken_and_a_blank_one_refused() {
    assertThat(DemoOptions.defaults().adminPassword()).isNull();
    assertThat(DemoOptions.parse(List.of("--admin-password", "s3cret")).adminPassword())
        .isEqualTo("s3cret");
    assertThat(DemoOptions.USAGE).contains("--admin-password P");
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--admin-password", " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--admin-password must not be blank");
  }
}
