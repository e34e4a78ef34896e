package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docs that run, continued: every {@code js} block of {@code widget-js/README.md}, exactly as it
 * stands, as a {@code <script type="module">} on a page of the demo's own origin, whose import map
 * sends {@code @asyncops/widget} and its subpaths to the demo's versionless WebJar files. A block
 * that throws, rejects or fails to load fails the test, and so does an error in the console.
 *
 * <p>The blocks name a few things that the README's text defines around them; the {@link #PRELUDE}
 * provides them, and defines no element, so that a define block is seen to define its own. Each
 * block must be one of the {@link Kind}s, which says what it must have done: a block that is none
 * of them fails {@link #every_js_block_is_one_the_test_checks()}, so docs and test cannot drift.
 * The HTML blocks are {@link ReadmeExamplesIT}'s; the {@code ts}, {@code tsx} and {@code vue}
 * blocks are compiled by widget-js's own build, not here.
 */
final class ReadmeScriptsIT {
  /** Where each bare specifier of the README's imports is served by the demo. */
  private static final String IMPORT_MAP =
      """
      <script type="importmap">{"imports": {
        "@asyncops/widget": "/webjars/asyncops-widget/index.js",
        "@asyncops/widget/define": "/webjars/asyncops-widget/define.js",
        "@asyncops/widget/operations": "/webjars/asyncops-widget/operations.js",
        "@asyncops/widget/operations/define": "/webjars/asyncops-widget/operations-define.js",
        "@asyncops/widget/console": "/webjars/asyncops-widget/console.js",
        "@asyncops/widget/console/define": "/webjars/asyncops-widget/console-define.js"
      }}</script>
      """;

  /**
   * What the README's text gives a block: {@code bar} (a {@code <background-operation-bar>} on the
   * page), {@code render} (a callback, which keeps its last argument in {@code window.rendered}),
   * {@code getToken} (which counts its calls in {@code window.tokens}) and {@code
   * BackgroundOperation} (imported where the README imports it). Errors of any script, and the
   * registry's state before the block, are kept in {@code window}.
   */
  private static final String PRELUDE =
      """
      <background-operation-bar id="readme-bar" url="/api/operations/missile-launch"></background-operation-bar>
      <background-operations url="/api/operations"></background-operations>
      <script>
        window.readmeErrors = [];
        addEventListener('error', (e) => readmeErrors.push(String(e.error?.stack ?? e.message)));
        addEventListener('unhandledrejection', (e) =>
          readmeErrors.push('unhandled rejection: ' + String(e.reason?.stack ?? e.reason)));
        const bar = document.querySelector('#readme-bar');
        const render = (s) => { window.rendered = s; };
        const getToken = () => { window.tokens = (window.tokens ?? 0) + 1; return 'readme-token'; };
      </script>
      <script type="module">
        import { BackgroundOperation } from '@asyncops/widget';
        window.BackgroundOperation = BackgroundOperation;
        window.definedBefore = ['background-operation-bar', 'background-operations', 'background-operations-console']
          .filter((tag) => customElements.get(tag));
      </script>
      """;

  private static final Set<String> ACTIVE = Set.of("QUEUED", "RUNNING");

  /** Languages that a browser would run as JavaScript: the README must call them {@code js}. */
  private static final Set<String> OTHER_JS = Set.of("javascript", "mjs", "cjs", "es6");

  @TempDir Path downloads;
  private DemoServer demo;
  private Browser browser;
  private final ReadmeExamplesIT.Pages pages = new ReadmeExamplesIT.Pages();

  @BeforeEach
  void start() {
    demo =
        DemoServer.start(
            DemoOptions.defaults()
                .withPort(0)
                .withFlight(Duration.ofSeconds(60))
                .withLanguage(Language.EN));
    demo.serve(pages, "/readme");
    browser = new Browser(downloads);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (demo != null) {
      demo.close();
    }
  }

  /** What a js block of the README is, recognised by what it does, and how to check it. */
  private enum Kind {
    DEFINE_BAR(b -> b.contains("import '@asyncops/widget/define'"), "") {
      @Override
      void check(ReadmeScriptsIT it, String block) {
        it.assertDefinedByTheBlock("background-operation-bar");
      }
    },
    DEFINE_LIST(b -> b.contains("import '@asyncops/widget/operations/define'"), "") {
      @Override
      void check(ReadmeScriptsIT it, String block) {
        it.assertDefinedByTheBlock("background-operations");
      }
    },
    DEFINE_CONSOLE(b -> b.contains("import '@asyncops/widget/console/define'"), "") {
      @Override
      void check(ReadmeScriptsIT it, String block) {
        it.assertDefinedByTheBlock("background-operations-console");
      }
    },
    MESSAGES(b -> b.contains("bar.messages = "), "") {
      @Override
      void check(ReadmeScriptsIT it, String block) {
        Matcher network = Pattern.compile("network: '([^']*)'").matcher(block);
        assertThat(network.find()).as("the block sets a network message").isTrue();
        assertThat(it.script("return bar.messages.network")).isEqualTo(network.group(1));
        assertThat(
                it.script(
                    "return import('@asyncops/widget')"
                        + ".then(({ ru }) => bar.messages.queued === ru.queued)"))
            .isEqualTo(true);
      }
    },
    HEADLESS_CLIENT(
        b -> b.contains("new BackgroundOperation(") && b.contains("op.start("),
        """
        window.op = op;
        window.state = status.state;
        op.addEventListener('update', (e) => { window.state = e.detail.state; });
        """) {
      @Override
      void check(ReadmeScriptsIT it, String block) {
        it.browser.until(d -> ACTIVE.contains(String.valueOf(it.script("return window.state"))));
        it.browser.until(d -> it.script("return window.rendered?.type ?? null") != null);
        assertThat(it.script("return window.rendered.type")).isEqualTo("missile-launch");
        // Stop the flight through the API, so that nothing of this block stays active.
        it.browser.driver.executeAsyncScript(
            "op.stop().then(() => arguments[0](), (e) => arguments[0](String(e)))");
        it.browser.until(
            d ->
                Set.of("STOPPING", "STOPPED")
                    .contains(String.valueOf(it.script("return window.state"))));
      }
    },
    FETCH_HOOK(b -> b.contains(".fetch = withToken"), "window.withToken = withToken;\n") {
      @Override
      void check(ReadmeScriptsIT it, String block) {
        assertThat(
                it.script(
                    "return document.querySelector('background-operation-bar').fetch"
                        + " === withToken && document.querySelector('background-operations')"
                        + ".fetch === withToken"))
            .isEqualTo(true);
        // The client's resume look-up is a request, so it went through the function.
        it.browser.until(d -> it.script("return window.tokens ?? 0") instanceof Long n && n > 0);
      }
    };

    private final Predicate<String> recognises;

    /** Appended to the block, in its module, to keep what the check needs in {@code window}. */
    final String suffix;

    Kind(Predicate<String> recognises, String suffix) {
      this.recognises = recognises;
      this.suffix = suffix;
    }

    abstract void check(ReadmeScriptsIT it, String block);

    static List<Kind> of(String block) {
      return java.util.Arrays.stream(values()).filter(k -> k.recognises.test(block)).toList();
    }
  }

  @Test
  void every_js_block_is_one_the_test_checks() throws IOException {
    List<String> blocks = ReadmeExamplesIT.blocks("js");
    for (String block : blocks) {
      assertThat(Kind.of(block))
          .as("what ReadmeScriptsIT should check of this README block:%n%s", block)
          .hasSize(1);
    }
    assertThat(blocks.stream().flatMap(b -> Kind.of(b).stream()).distinct())
        .as("each kind of block is still in the README")
        .containsExactlyInAnyOrder(Kind.values());
    assertThat(ReadmeExamplesIT.languages())
        .as("JavaScript blocks are fenced as js, so that this test runs them")
        .doesNotContainAnyElementsOf(OTHER_JS);
  }

  @Test
  void every_js_block_runs_as_a_module_on_a_page_of_the_demo() throws IOException {
    List<String> blocks = ReadmeExamplesIT.blocks("js");
    String origin = "http://localhost:" + demo.port();
    for (int i = 0; i < blocks.size(); i++) {
      String block = blocks.get(i);
      List<Kind> kinds = Kind.of(block);
      assertThat(kinds).as("what to check of:%n%s", block).hasSize(1);
      Kind kind = kinds.get(0);
      String path = "/readme/script-" + i + ".html";
      pages.put(
          path,
          IMPORT_MAP
              + PRELUDE
              + "<script type=\"module\" onerror=\"readmeErrors.push('the block did not load')\">\n"
              + block
              + kind.suffix
              + "window.readmeDone = true;\n</script>\n");
      browser.consoleErrors(); // forget the previous page's
      browser.open(origin + path);
      browser.until(
          d ->
              Boolean.TRUE.equals(
                  script("return window.readmeDone === true || readmeErrors.length > 0")));
      assertThat(list("return readmeErrors")).as("errors of %s:%n%s", kind, block).isEmpty();
      kind.check(this, block);
      assertThat(list("return readmeErrors")).as("errors of %s:%n%s", kind, block).isEmpty();
      assertThat(browser.consoleErrors()).as("console of %s:%n%s", kind, block).isEmpty();
    }
  }

  private Object script(String js) {
    return browser.driver.executeScript(js);
  }

  @SuppressWarnings("unchecked")
  private List<Object> list(String js) {
    return (List<Object>) script(js);
  }

  private void assertDefinedByTheBlock(String tag) {
    assertThat(list("return window.definedBefore"))
        .as("defined before the block")
        .doesNotContain(tag);
    assertThat(script("return customElements.get(arguments[0]) !== undefined", tag))
        .as("%s is defined", tag)
        .isEqualTo(true);
  }

  private Object script(String js, Object arg) {
    return browser.driver.executeScript(js, arg);
  }
}
