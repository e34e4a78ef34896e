package io.github.asyncops.apiguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The public API of every published jar equals its committed record, {@code
 * <module>/api/<artifactId>.api}: a change to a public or protected signature in an exported
 * package fails {@code mvn verify} with the diff until the record is regenerated ({@value
 * ApiRecord#UPDATE_COMMAND}) and the new record is committed with the change, where a reviewer sees
 * it. With {@code -Dapi.update} the records are written instead of compared. Also checks that every
 * jar the BOM publishes is guarded. How signatures are rendered and diffed is covered by {@link
 * ApiDumpTest}.
 */
final class ApiGuardTest {
  /** Every published jar with Java code, and where it lives in the repository. */
  static final List<PublishedModule> MODULES =
      List.of(
          new PublishedModule("asyncops-core", "core"),
          new PublishedModule("asyncops-testing", "testing"),
          new PublishedModule("asyncops-jaxrs", "jaxrs-adapter"),
          new PublishedModule("asyncops-grizzly", "grizzly"),
          new PublishedModule("asyncops-store-jdbc", "store-jdbc"),
          new PublishedModule("asyncops-micrometer", "metrics"),
          new PublishedModule("asyncops-messages-icu", "messages-icu"),
          new PublishedModule("asyncops-spring-boot-starter", "spring-boot-starter"),
          new PublishedModule("asyncops-demo-plugins", "examples/demo-plugins"));

  /**
   * Published artifacts without a Java API: the WebJar holds the widget's JavaScript, whose types
   * widget-js checks itself (its generated {@code .d.ts} and type tests).
   */
  private static final Set<String> WITHOUT_JAVA = Set.of("asyncops-widget-js");

  private static final Path ROOT =
      Path.of(System.getProperty("api.root", "..")).toAbsolutePath().normalize();
  private static final boolean UPDATE = Boolean.parseBoolean(System.getProperty("api.update"));

  @TestFactory
  Stream<DynamicTest> each_published_module_has_the_api_it_recorded() {
    return MODULES.stream()
        .map(module -> DynamicTest.dynamicTest(module.artifactId(), () -> check(module)));
  }

  @Test
  void every_jar_in_the_bom_is_guarded() throws IOException {
    String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
    String managed =
        bom.substring(
            bom.indexOf("<dependencyManagement>"), bom.indexOf("</dependencyManagement>"));
    Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(managed);
    Set<String> published = new TreeSet<>();
    while (artifact.find()) {
      published.add(artifact.group(1));
    }
    published.removeAll(WITHOUT_JAVA);

    assertThat(MODULES.stream().map(PublishedModule::artifactId).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(published);
  }

  private static void check(PublishedModule module) throws IOException {
    List<String> actual = module.api(ROOT);
    assertThat(actual).as("%s has a public API", module.artifactId()).isNotEmpty();
    Path file = module.record(ROOT);
    if (UPDATE) {
      ApiRecord.write(file, module.artifactId(), actual);
      return;
    }
    Optional<List<String>> recorded = ApiRecord.read(file);
    if (recorded.isEmpty()) {
      fail(
          "%s has no API record %s; write it with: %s",
          module.artifactId(), ROOT.relativize(file), ApiRecord.UPDATE_COMMAND);
    }
    ApiRecord.mismatch(module.artifactId(), ROOT.relativize(file), recorded.get(), actual)
        .ifPresent(message -> fail(message));
  }
}
