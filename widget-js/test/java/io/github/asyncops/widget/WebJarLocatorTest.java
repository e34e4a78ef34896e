package io.github.asyncops.widget;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.webjars.WebJarVersionLocator;

/**
 * The WebJar as a server sees it on the class path: webjars-locator-lite resolves its files without
 * a version, which is how a page can say {@code /webjars/asyncops-widget/define.js}.
 */
final class WebJarLocatorTest {
  private final WebJarVersionLocator locator = new WebJarVersionLocator();

  @Test
  void locator_finds_the_version_of_the_webjar() {
    assertThat(locator.version("asyncops-widget")).isEqualTo(System.getProperty("project.version"));
  }

  @Test
  void locator_resolves_every_entry_to_a_file_on_the_class_path() {
    for (String file :
        new String[] {
          "define.js",
          "index.js",
          "common.js",
          "operations-define.js",
          "console-define.js",
          "asyncops-widget.min.js",
          "index.d.ts",
          "custom-elements.json"
        }) {
      String path = locator.fullPath("asyncops-widget", file);
      assertThat(path)
          .isEqualTo(
              "META-INF/resources/webjars/asyncops-widget/"
                  + System.getProperty("project.version")
                  + "/"
                  + file);
      assertThat(getClass().getClassLoader().getResource(path)).as(file).isNotNull();
    }
  }
}
