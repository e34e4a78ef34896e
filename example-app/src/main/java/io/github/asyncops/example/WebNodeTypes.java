package io.github.asyncops.example;

import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.StartPolicy;
import java.util.List;
import java.util.Properties;

/**
 * The demo's operation types as a web node ({@code --workers off}) declares them: by name,
 * parameter class and policy, so that it starts, lists, stops and follows them with no worker class
 * on its class path. The worker nodes that share its database run them with the providers of the
 * demo-plugins jar, and each declaration here says what that provider says (title, scope, start
 * policy, limits); {@code WebNodeTypesTest} holds the two together.
 *
 * <p>What a declaration cannot carry is the provider's code: a web node shows the texts that the
 * worker node stores with each flight's progress, and checks start parameters with its own class
 * ({@link CsvExportRequest}), since the provider's {@code validate} does not run here.
 */
final class WebNodeTypes {
  /** The most rows one export may have, as {@code CsvExportProvider.MAX_ROWS} says. */
  static final int MAX_ROWS = 100_000;

  private WebNodeTypes() {}

  /**
   * The web node's parameters of a CSV export: the JSON shape of {@code CsvExportProvider.Request},
   * {@code {"rows": N}}. The database keeps parameters as JSON, so the worker node that claims the
   * export reads them into its own class. A body that the worker would refuse is refused here, with
   * the provider's words.
   *
   * @param rows how many rows to export, 1 to {@link #MAX_ROWS}
   */
  record CsvExportRequest(Integer rows) {
    /**
     * Checks the row count as {@code CsvExportProvider.validate} does.
     *
     * @throws IllegalArgumentException if rows is missing or out of range; the adapter answers 400
     *     with its message
     */
    CsvExportRequest {
      if (rows == null) {
        throw new IllegalArgumentException("rows: is required");
      }
      if (rows < 1 || rows > MAX_ROWS) {
        throw new IllegalArgumentException(
            "rows: must be between 1 and " + MAX_ROWS + ", was " + rows);
      }
    }
  }

  /**
   * Declares the demo's types with the titles of the page's language, which are the plugins' titles
   * in that language.
   *
   * @param language the language of the titles
   * @return the missile launch and the CSV export
   */
  static List<OperationType> of(Language language) {
    Properties texts = language.texts();
    return List.of(
        OperationType.declare("missile-launch", Void.class)
            .title(texts.getProperty("flight.title"))
            .scope(Scope.GLOBAL)
            .startPolicy(StartPolicy.JOIN)
            .maxConcurrent(1)
            .build(),
        OperationType.declare("csv-export", CsvExportRequest.class)
            .title(texts.getProperty("export.title"))
            .scope(Scope.USER)
            .startPolicy(StartPolicy.JOIN)
            .build());
  }
}
