package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options of a web node ({@code --workers off}): it needs a database and takes no plugins,
 * since it declares its types. The other options are covered where the demo runs with them.
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
}
