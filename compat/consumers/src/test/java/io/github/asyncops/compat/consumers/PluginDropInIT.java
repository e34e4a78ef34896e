package io.github.asyncops.compat.consumers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.asyncops.compat.Browser;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The root README's "Write a plugin" from the staged archetype: the generated plugin, dropped into
 * the demo's plugin directory, is listed and runs its five steps to the end, and its last text
 * reads in both languages its bundles ship.
 */
final class PluginDropInIT {
  @Test
  void the_generated_plugin_runs_in_the_demo() {
    Browser browser = new Browser(Apps.DEMO.base());
    assertThat(Browser.json(browser.get("").body()).findValuesAsText("name")).contains("report");

    HttpResponse<String> started = browser.postJson("report", "{}");
    String id = Browser.json(started.body()).path("id").asText();

    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> Browser.json(browser.get("report/" + id).body()).path("state").asText(),
            "SUCCEEDED"::equals);
    assertThat(Browser.json(browser.get("report/" + id + "?lang=en").body()).path("text").asText())
        .isEqualTo("Step 5 of 5");
    assertThat(Browser.json(browser.get("report/" + id + "?lang=ru").body()).path("text").asText())
        .isEqualTo("Шаг 5 из 5");
  }
}
