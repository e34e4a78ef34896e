package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the adapter README's curl walkthrough, in order and in one shell, against the real demo, and
 * checks that each command documented with a response answers with that response's status and,
 * where the documented body shows one, its operation state (issue 21: a new start was shown {@code
 * RUNNING} but answers {@code QUEUED}). Needs bash, curl and jq, which {@code .ci/run} installs
 * when missing.
 */
final class AdapterReadmeIT {
  private static final Path README = Path.of("../jaxrs-adapter/README.md");
  private static final String DEMO = "http://localhost:8080";
  private static final Pattern STATUS_LINE = Pattern.compile("(?m)^HTTP/1\\.1 (\\d{3})");
  private static final Pattern STATE = Pattern.compile("\"state\":\"([A-Z]+)\"");

  /**
   * A command block and what the response block after it shows.
   *
   * @param command the commands
   * @param status the response's status, or 0 when there is no response block
   * @param state the operation state in the response's body, or null when it shows none
   */
  record Example(String command, int status, String state) {}

  private final DemoServer server = DemoServer.start(DemoOptions.defaults().withPort(0));

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void every_curl_example_answers_as_documented(@TempDir Path dir) throws Exception {
    for (String tool : List.of("bash", "curl", "jq")) {
      assertThat(onPath(tool)).as("%s must be installed (.ci/run installs it)", tool).isTrue();
    }
    List<Example> examples = parse(Files.readString(README));
    String base = "http://localhost:" + server.port();
    StringBuilder script = new StringBuilder("set -euo pipefail\n");
    script.append("curl() { command curl -sS \"$@\"; }\n");
    for (int i = 0; i < examples.size(); i++) {
      script.append("printf '\\n@@@ ").append(i).append("\\n'\n");
      script.append(examples.get(i).command().replace(DEMO, base)).append('\n');
    }
    Path transcript = dir.resolve("transcript.txt");

    Process shell =
        new ProcessBuilder("bash", "-c", script.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(transcript.toFile())
            .start();
    boolean ended = shell.waitFor(60, TimeUnit.SECONDS);

    String output = Files.readString(transcript, StandardCharsets.UTF_8);
    assertThat(ended).as("the walkthrough ends within a minute").isTrue();
    assertThat(shell.exitValue()).as(output).isZero();
    assertThat(examples).hasSizeGreaterThan(10);
    String[] outputs = output.split("\n@@@ \\d+\n", -1);
    for (int i = 0; i < examples.size(); i++) {
      if (examples.get(i).status() != 0) {
        Matcher status = STATUS_LINE.matcher(outputs[i + 1]);
        assertThat(status.find()).as("a response to:\n%s", examples.get(i).command()).isTrue();
        assertThat(Integer.parseInt(status.group(1)))
            .as("the status of:\n%s\n%s", examples.get(i).command(), outputs[i + 1])
            .isEqualTo(examples.get(i).status());
      }
      if (examples.get(i).state() != null) {
        Matcher state = STATE.matcher(outputs[i + 1]);
        assertThat(state.find())
            .as("a state in the answer to:\n%s", examples.get(i).command())
            .isTrue();
        assertThat(state.group(1))
            .as("the state of:\n%s\n%s", examples.get(i).command(), outputs[i + 1])
            .isEqualTo(examples.get(i).state());
      }
    }
    assertThat(examples).extracting(Example::state).contains("QUEUED", "RUNNING", "STOPPING");
  }

  /** Reads the {@code sh} blocks and the status of the {@code http} block right after each. */
  static List<Example> parse(String markdown) {
    List<Example> examples = new ArrayList<>();
    String[] lines = markdown.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].equals("```sh")) {
        continue;
      }
      StringBuilder command = new StringBuilder();
      for (i++; !lines[i].equals("```"); i++) {
        command.append(lines[i]).append('\n');
      }
      int next = i + 1;
      while (next < lines.length && lines[next].isBlank()) {
        next++;
      }
      int status = 0;
      String state = null;
      if (next + 1 < lines.length && lines[next].equals("```http")) {
        Matcher m = STATUS_LINE.matcher(lines[next + 1]);
        status = m.find() ? Integer.parseInt(m.group(1)) : 0;
        StringBuilder response = new StringBuilder();
        for (int j = next + 1; j < lines.length && !lines[j].equals("```"); j++) {
          response.append(lines[j]).append('\n');
        }
        Matcher shown = STATE.matcher(response);
        state = shown.find() ? shown.group(1) : null;
      }
      examples.add(new Example(command.toString(), status, state));
    }
    return examples;
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
