package io.github.asyncops.apiguard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.apiguard.fixture.Dial;
import io.github.asyncops.apiguard.fixture.Gauge;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The guard itself: how {@link ApiDump} renders types and members (generics, modifiers, varargs,
 * {@code throws}, nested types, what is left out) on fixture classes, and that {@link ApiRecord}
 * reports a changed, added or removed signature with its type and the update command. Which modules
 * are guarded, and their records, are {@link ApiGuardTest}'s.
 */
final class ApiDumpTest {
  private static final String GAUGE =
      "public class io.github.asyncops.apiguard.fixture.Gauge<T extends"
          + " java.lang.Comparable<? super T>> implements"
          + " java.util.function.Supplier<java.util.List<T>>";

  @Test
  void a_class_is_rendered_with_generics_modifiers_and_its_accessible_members_only() {
    assertThat(ApiDump.of(fixtures()))
        .containsExactly(
            "public final class io.github.asyncops.apiguard.fixture.Dial extends"
                + " io.github.asyncops.apiguard.fixture.Base",
            "  constructor public Dial()",
            "  method public java.lang.String name()",
            "public static final enum io.github.asyncops.apiguard.fixture.Dial$Kind",
            "  field public static final io.github.asyncops.apiguard.fixture.Dial$Kind ROUND",
            "  field public static final io.github.asyncops.apiguard.fixture.Dial$Kind SQUARE",
            "  method public static io.github.asyncops.apiguard.fixture.Dial$Kind"
                + " valueOf(java.lang.String)",
            "  method public static io.github.asyncops.apiguard.fixture.Dial$Kind[] values()",
            GAUGE,
            "  field public static final int LIMIT",
            "  field protected volatile java.util.Map<java.lang.String, ? extends"
                + " java.lang.Number> readings",
            "  constructor protected Gauge(java.lang.String)",
            "  constructor public Gauge()",
            "  method public java.util.List<T> get()",
            "  method public final <R extends T> R pick(R, R...) throws java.io.IOException",
            "public static interface io.github.asyncops.apiguard.fixture.Gauge$Listener",
            "  method public default void end()",
            "  method public abstract void read(io.github.asyncops.apiguard.fixture.Gauge$Reading)",
            "public static final record io.github.asyncops.apiguard.fixture.Gauge$Reading",
            "  constructor public Reading(double)",
            "  method public final boolean equals(java.lang.Object)",
            "  method public final int hashCode()",
            "  method public final java.lang.String toString()",
            "  method public double value()");
  }

  @Test
  void a_changed_signature_is_reported_under_its_type_with_the_update_command() {
    List<String> actual = ApiDump.of(fixtures());
    List<String> recorded = new ArrayList<>(actual);
    int get = recorded.indexOf("  method public java.util.List<T> get()");
    recorded.set(get, "  method public java.util.List<? extends T> get()");

    String message =
        ApiRecord.mismatch("asyncops-fixture", Path.of("fixture.api"), recorded, actual)
            .orElseThrow();

    assertThat(message.lines())
        .containsSubsequence(
            "The public API of asyncops-fixture differs from its record fixture.api (- recorded, +"
                + " now):",
            "  " + GAUGE,
            "-   method public java.util.List<? extends T> get()",
            "+   method public java.util.List<T> get()",
            "If the change is deliberate, record it with: "
                + "mvn -B verify -pl api-guard -am -DskipTests -Dapi.update"
                + " (then commit the .api file with the change).");
  }

  @Test
  void an_added_and_a_removed_member_are_reported_and_equal_records_are_not() {
    List<String> actual = ApiDump.of(fixtures());
    List<String> recorded = new ArrayList<>(actual);
    recorded.remove("  constructor public Dial()");
    recorded.add(recorded.size(), "  method public void reset()");

    assertThat(ApiDiff.between(recorded, actual))
        .containsExactly(
            "  public final class io.github.asyncops.apiguard.fixture.Dial extends"
                + " io.github.asyncops.apiguard.fixture.Base",
            "+   constructor public Dial()",
            "  public static final record io.github.asyncops.apiguard.fixture.Gauge$Reading",
            "-   method public void reset()");
    assertThat(ApiDiff.between(actual, actual)).isEmpty();
    assertThat(ApiRecord.mismatch("asyncops-fixture", Path.of("f"), actual, actual)).isEmpty();
  }

  @Test
  void a_record_file_reads_back_as_the_lines_it_was_written_from() {
    List<String> api = ApiDump.of(fixtures());

    String text = ApiRecord.text("asyncops-fixture", api);

    assertThat(text).startsWith("# The public API of asyncops-fixture").contains("-Dapi.update");
    assertThat(ApiRecord.lines(text)).isEqualTo(api);
  }

  private static List<Class<?>> fixtures() {
    List<Class<?>> types = new ArrayList<>();
    types.add(Gauge.class);
    types.add(Gauge.Reading.class);
    types.add(Gauge.Listener.class);
    types.add(Dial.class);
    types.add(Dial.Kind.class);
    for (String hidden : List.of("Base", "Gauge$Hidden")) {
      try {
        types.add(Class.forName("io.github.asyncops.apiguard.fixture." + hidden));
      } catch (ClassNotFoundException e) {
        throw new AssertionError(e);
      }
    }
    return types;
  }
}
