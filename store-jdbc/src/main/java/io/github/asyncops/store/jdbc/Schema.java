package io.github.asyncops.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates the store's tables from the dialect's DDL resource, or checks that a migration tool did.
 * The resource is written with the default prefix and no schema, so that it can be applied as it
 * is; this class rewrites the names for other settings.
 */
final class Schema {
  /** A name the DDL gives, and whether an index name precedes it (those take no schema in PG). */
  private static final Pattern NAME =
      Pattern.compile("(?i)(INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?)?\\b" + Tables.DEFAULT_PREFIX);

  private Schema() {}

  /**
   * The DDL statements for a dialect and set of names, in order.
   *
   * @throws UncheckedIOException if the resource cannot be read
   */
  static List<String> statements(JdbcDialect dialect, Tables tables) {
    List<String> statements = new ArrayList<>();
    for (String statement : withoutComments(resource(dialect)).split(";")) {
      if (!statement.isBlank()) {
        statements.add(rename(statement.strip(), dialect, tables));
      }
    }
    return statements;
  }

  /** Creates whatever is missing, in the caller's transaction. */
  static void create(Connection connection, JdbcDialect dialect, Tables tables)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      dialect.lockSchema(connection, tables.channel());
      if (tables.schema() != null) {
        statement.execute("CREATE SCHEMA IF NOT EXISTS " + tables.schema());
      }
      for (String ddl : statements(dialect, tables)) {
        statement.execute(ddl);
      }
    }
  }

  /**
   * Checks that every table exists.
   *
   * @throws JdbcStoreException naming the missing table and the fix
   */
  static void verify(Connection connection, JdbcDialect dialect, Tables tables) {
    for (String table :
        List.of(tables.operation(), tables.result(), tables.forgotten(), tables.queue())) {
      try (Statement statement = connection.createStatement()) {
        statement.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
      } catch (SQLException e) {
        throw new JdbcStoreException(
            "table "
                + table
                + " is missing: apply io/github/asyncops/store/jdbc/"
                + dialect.name()
                + ".sql from the asyncops-store-jdbc jar, or build the store with"
                + " createSchema(true) ("
                + e.getMessage()
                + ")");
      }
    }
  }

  static String rename(String statement, JdbcDialect dialect, Tables tables) {
    Matcher m = NAME.matcher(statement);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      boolean indexName = m.group(1) != null;
      String replacement =
          indexName && !dialect.qualifiesIndexNames()
              ? m.group(1) + tables.prefix()
              : (indexName ? m.group(1) : "") + tables.qualifiedPrefix();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String withoutComments(String sql) {
    StringBuilder out = new StringBuilder();
    for (String line : sql.split("\n")) {
      int comment = line.indexOf("--");
      out.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
    }
    return out.toString();
  }

  private static String resource(JdbcDialect dialect) {
    String name = dialect.name() + ".sql";
    try (InputStream in = Schema.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("missing resource " + name));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
