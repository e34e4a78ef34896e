package io.github.asyncops.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 21: {@code -DskipTests} skips every integration test in every module. Failsafe reads only
 * {@code skipITs}, so the root POM derives it from {@code skipTests}; a module that sets {@code
 * skipITs} to a value of its own (store-jdbc, example-app and the archetype once set {@code false})
 * overrides that, and {@code mvn install -DskipTests} then runs integration tests whose set-up it
 * skipped. This reads every POM in the repository rather than asking Maven for each module's
 * effective value, which would take seconds a module; what Maven makes of the root's property is
 * Maven's to test.
 */
final class SkipItsTest {
  private static final Path ROOT = Path.of("../..");
  private static final String DERIVED = "${skipTests}";

  @Test
  void skipITs_in_any_pom_is_set_only_by_the_root_from_skipTests() throws Exception {
    List<Path> poms = poms();
    List<String> settings = new ArrayList<>();
    for (Path pom : poms) {
      var document =
          DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(pom.toFile());
      NodeList found = document.getElementsByTagName("skipITs");
      for (int i = 0; i < found.getLength(); i++) {
        Element element = (Element) found.item(i);
        String where = ((Element) element.getParentNode()).getTagName();
        settings.add(ROOT.relativize(pom) + " " + where + ": " + element.getTextContent().strip());
      }
    }

    assertThat(poms).as("the POMs found").hasSizeGreaterThan(10);
    assertThat(settings).containsExactly("pom.xml properties: " + DERIVED);
  }

  /** Every pom.xml in the repository, without build output, node_modules and hidden folders. */
  private static List<Path> poms() throws IOException {
    List<Path> poms = new ArrayList<>();
    Files.walkFileTree(
        ROOT,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            String name = dir.getFileName().toString();
            boolean skipped =
                !dir.equals(ROOT)
                    && (name.startsWith(".")
                        || name.equals("target")
                        || name.equals("node_modules"));
            return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (file.getFileName().toString().equals("pom.xml")) {
              poms.add(file);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    poms.sort(null);
    return poms;
  }
}
