package io.github.asyncops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.InvalidParametersException;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.testing.WorkerRun;
import io.github.asyncops.testing.WorkerTester;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The CSV export's story: it counts the rows it wrote, offers the file at the end, stops between
 * batches, and refuses row counts it cannot export.
 */
final class CsvExportProviderTest {
  private static final Locale RU = Locale.forLanguageTag("ru");

  @Test
  void an_export_counts_its_rows_and_offers_the_file() throws IOException {
    WorkerRun run =
        WorkerTester.of(new CsvExportProvider())
            .locale(RU)
            .setting("pause", "0ms")
            .run(new CsvExportProvider.Request(120));

    assertThat(run.startText()).isEqualTo("Выгружено 0 из 120 строк");
    assertThat(run.texts())
        .containsExactly(
            "Выгружено 50 из 120 строк",
            "Выгружено 100 из 120 строк",
            "Выгружено 120 из 120 строк");
    OperationResult.Download file = (OperationResult.Download) run.resultValue().orElseThrow();
    assertThat(file.fileName()).isEqualTo("export.csv");
    try (InputStream in = file.content().open()) {
      String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(csv).startsWith("id,name,amount\n1,item-1,10\n").endsWith("120,item-120,1200\n");
    }
  }

  @Test
  void a_stop_ends_the_export_after_the_batch_in_progress() {
    WorkerRun run =
        WorkerTester.of(new CsvExportProvider())
            .locale(RU)
            .setting("pause", "0ms")
            .setting("lang", "en")
            .locale(Locale.ENGLISH)
            .stopWhen(report -> report.text().startsWith("Exported 100 "))
            .run(new CsvExportProvider.Request(1000));

    assertThat(run.texts())
        .containsExactly("Exported 50 of 1000 rows", "Exported 100 of 1000 rows");
    assertThat(run.outcome()).isEqualTo(OperationState.STOPPED);
    assertThat(run.resultValue()).isEmpty();
  }

  @Test
  void row_counts_outside_1_to_100000_are_refused() {
    for (Integer rows : new Integer[] {null, 0, -5, 100_001}) {
      assertThatThrownBy(
              () ->
                  WorkerTester.of(new CsvExportProvider())
                      .locale(RU)
                      .run(new CsvExportProvider.Request(rows)))
          .isInstanceOf(InvalidParametersException.class)
          .hasMessageContaining("rows");
    }
  }
}
