package io.github.asyncops.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the kit's README true to the code: every class its table names is in the kit, every file it
 * links exists, and each test it names as extending the contract does extend {@link
 * OperationStoreContract}. Whether the kit's classes work is their own tests'.
 */
final class ReadmeTest {
  private static final Path README = Path.of("README.md");

  @Test
  void every_class_in_the_table_is_in_the_kit() throws Exception {
    Matcher row = Pattern.compile("(?m)^\\| `(\\w+)` \\|").matcher(Files.readString(README));
    List<String> names = new ArrayList<>();
    while (row.find()) {
      names.add(row.group(1));
    }

    assertThat(names).contains("OperationStoreContract", "WorkerTester");
    for (String name : names) {
      assertThat(Class.forName("io.github.asyncops.testing." + name)).as(name).isNotNull();
    }
  }

  @Test
  void every_linked_file_exists_and_the_named_store_tests_extend_the_contract() throws IOException {
    String readme = Files.readString(README);
    Matcher link = Pattern.compile("\\]\\((\\.\\./[^)]+)\\)").matcher(readme);
    List<Path> linked = new ArrayList<>();
    while (link.find()) {
      linked.add(Path.of(link.group(1)));
    }
    String section = readme.substring(readme.indexOf("A store's test extends the contract"));
    section = section.substring(0, section.indexOf("```"));

    assertThat(linked).isNotEmpty().allMatch(Files::isRegularFile);
    Matcher store = Pattern.compile("\\]\\((\\.\\./[^)]+\\.java)\\)").matcher(section);
    int stores = 0;
    while (store.find()) {
      Path test = Path.of(store.group(1));
      assertThat(Files.readString(test))
          .as("%s extends the contract", test)
          .contains("extends OperationStoreContract");
      stores++;
    }
    assertThat(stores).isGreaterThanOrEqualTo(2);
  }
}
