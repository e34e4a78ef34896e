package io.github.asyncops.core.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Docs that run: every {@code java} block of the root README stands, apart from whitespace and
 * comments, in a source file that core's tests compile, and that file is run by a test: it is a
 * test itself, or a test names it. The blocks' other languages are checked elsewhere: the "Write a
 * plugin" commands by example-app's {@code WritePluginReadmeTest}, the BOM's coordinates by
 * compat/consumers' {@code ReadmeCoordinatesIT}.
 */
final class RootReadmeTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path EXAMPLES = Path.of("src", "examples", "java");
  private static final Path TESTS = Path.of("src", "test", "java");
  private static final Pattern BLOCK = Pattern.compile("(?ms)^( *)```java\\n(.*?)^\\1```$");

  private static final Map<Path, String> sources = new TreeMap<>();

  @BeforeAll
  static void readTheSources() throws IOException {
    for (Path root : List.of(EXAMPLES, TESTS)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          if (file.toString().endsWith(".java")) {
            sources.put(file, Files.readString(file));
          }
        }
      }
    }
  }

  @Test
  void every_java_block_stands_in_a_source_that_a_test_runs() throws IOException {
    List<String> blocks = javaBlocks(Files.readString(README));

    assertThat(blocks).as("java blocks of %s", README).hasSizeGreaterThanOrEqualTo(5);
    for (String block : blocks) {
      List<Path> homes = homesOf(block);
      assertThat(homes)
          .as(
              "a source under %s or %s that has this README block (whitespace and comments"
                  + " aside):%n%s",
              EXAMPLES, TESTS, block)
          .isNotEmpty();
      assertThat(homes)
          .as("a home of this README block that a test runs, among %s:%n%s", homes, block)
          .anyMatch(RootReadmeTest::isRunByATest);
    }
  }

  @Test
  void comments_and_whitespace_are_all_that_the_comparison_leaves_out() {
    assertThat(code("int a = 1;  // one\n/* two */ String b = \"x // y /* z */\";"))
        .isEqualTo("inta=1;Stringb=\"x // y /* z */\";");
    assertThat(code("char c = '\"'; char d = '/'; // e")).isEqualTo("charc='\"';chard='/';");
  }

  /** The README's java blocks, with a list item's indent removed. */
  static List<String> javaBlocks(String readme) {
    List<String> blocks = new ArrayList<>();
    Matcher matcher = BLOCK.matcher(readme);
    while (matcher.find()) {
      String indent = matcher.group(1);
      blocks.add(matcher.group(2).replaceAll("(?m)^" + indent, ""));
    }
    return blocks;
  }

  private static List<Path> homesOf(String block) {
    String wanted = code(block);
    List<Path> homes = new ArrayList<>();
    sources.forEach(
        (file, text) -> {
          if (code(text).contains(wanted)) {
            homes.add(file);
          }
        });
    return homes;
  }

  /** A test class runs itself; any other source is run by a test class that names it. */
  private static boolean isRunByATest(Path home) {
    if (isTestClass(home)) {
      return true;
    }
    Pattern named = Pattern.compile("\\b" + className(home) + "\\b");
    return sources.entrySet().stream()
        .anyMatch(
            e ->
                isTestClass(e.getKey())
                    && !e.getKey().equals(home)
                    && named.matcher(withoutComments(e.getValue(), true)).find());
  }

  private static boolean isTestClass(Path file) {
    return file.startsWith(TESTS) && className(file).endsWith("Test");
  }

  private static String className(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".java".length());
  }

  /**
   * The Java text without comments and whitespace outside string and character literals (text
   * blocks are read as strings too).
   */
  static String code(String java) {
    return withoutComments(java, false);
  }

  private static String withoutComments(String java, boolean keepWhitespace) {
    StringBuilder code = new StringBuilder();
    int i = 0;
    while (i < java.length()) {
      char c = java.charAt(i);
      if (java.startsWith("//", i)) {
        int end = java.indexOf('\n', i);
        i = end < 0 ? java.length() : end;
      } else if (java.startsWith("/*", i)) {
        int end = java.indexOf("*/", i + 2);
        i = end < 0 ? java.length() : end + 2;
      } else if (c == '"' || c == '\'') {
        int end = endOfLiteral(java, i);
        code.append(java, i, end);
        i = end;
      } else {
        if (keepWhitespace || !Character.isWhitespace(c)) {
          code.append(c);
        }
        i++;
      }
    }
    return code.toString();
  }

  private static int endOfLiteral(String java, int start) {
    String quote = java.startsWith("\"\"\"", start) ? "\"\"\"" : String.valueOf(java.charAt(start));
    int i = start + quote.length();
    while (i < java.length() && !java.startsWith(quote, i)) {
      i += java.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(java.length(), i + quote.length());
  }
}
