package io.github.asyncops.apiguard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A module's committed API record: a few {@code #} comment lines, then the {@link ApiDump} lines.
 * Comments and blank lines are not compared, so that the header may say how the file is made.
 */
final class ApiRecord {
  /** The one command that rewrites every record from the code. */
  static final String UPDATE_COMMAND = "mvn -B verify -pl api-guard -am -DskipTests -Dapi.update";

  private ApiRecord() {}

  /** The record's text for {@code artifactId} with the given API lines. */
  static String text(String artifactId, List<String> api) {
    StringBuilder text = new StringBuilder();
    text.append("# The public API of ")
        .append(artifactId)
        .append(": the public and protected types and members of its exported packages.\n")
        .append("# Checked by api-guard (mvn verify). After a deliberate change, regenerate with\n")
        .append("#   ")
        .append(UPDATE_COMMAND)
        .append("\n# and review the diff with the change.\n\n");
    for (String line : api) {
      text.append(line).append('\n');
    }
    return text.toString();
  }

  /** The API lines of a record's text: comments and blank lines left out. */
  static List<String> lines(String text) {
    return text.lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .collect(Collectors.toList());
  }

  /** The record at {@code file}, if there is one. */
  static Optional<List<String>> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(lines(Files.readString(file, StandardCharsets.UTF_8)));
  }

  /** Writes the record of {@code artifactId} to {@code file}. */
  static void write(Path file, String artifactId, List<String> api) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text(artifactId, api), StandardCharsets.UTF_8);
  }

  /**
   * The failure message when {@code actual} differs from {@code recorded} (empty when they are
   * equal): the diff and the command that records the change.
   */
  static Optional<String> mismatch(
      String artifactId, Path file, List<String> recorded, List<String> actual) {
    List<String> diff = ApiDiff.between(recorded, actual);
    if (diff.isEmpty()) {
      return Optional.empty();
    }
    List<String> message = new ArrayList<>();
    message.add(
        "The public API of "
            + artifactId
            + " differs from its record "
            + file
            + " (- recorded, + now):");
    message.addAll(diff);
    message.add(
        "If the change is deliberate, record it with: "
            + UPDATE_COMMAND
            + " (then commit the .api file with the change).");
    return Optional.of(String.join("\n", message));
  }
}
