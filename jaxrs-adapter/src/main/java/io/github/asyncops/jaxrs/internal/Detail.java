package io.github.asyncops.jaxrs.internal;

import java.util.Arrays;
import java.util.List;

/**
 * What went wrong this time, for a problem's {@code detail}: the key of a text in the adapter's
 * problem bundles with its arguments, rendered in the viewer's language by {@link ProblemTexts}, or
 * a text that came from elsewhere (a worker's validation message, a parser's complaint) and is
 * shown as it is.
 *
 * @param key the key under {@code detail.} in the bundles, or null for a text shown as it is
 * @param args the values of {@code {0}}, {@code {1}} and so on, as text
 * @param text the text shown as it is, or null for a key
 */
record Detail(String key, List<String> args, String text) {

  /**
   * A text of the adapter's bundles.
   *
   * @param key the key, without the {@code detail.} prefix
   * @param args the values of {@code {0}}, {@code {1}} and so on
   * @return the detail
   */
  static Detail of(String key, Object... args) {
    return new Detail(key, Arrays.stream(args).map(String::valueOf).toList(), null);
  }

  /**
   * A text shown in every language as it is.
   *
   * @param text the text
   * @return the detail
   */
  static Detail verbatim(String text) {
    return new Detail(null, List.of(), text);
  }
}
