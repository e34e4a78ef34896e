package io.github.asyncops.example;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A PostgreSQL schema of its own for the demo nodes of one test, so that runs never see each
 * other's operations: created on {@link #create}, dropped with all it holds on {@link #close}. The
 * database is the one the build prepares ({@code asyncops.jdbc.url}, {@code asyncops.jdbc.user} and
 * {@code asyncops.jdbc.password}, by default the local {@code asyncops} PostgreSQL).
 */
final class ClusterSchema implements AutoCloseable {
  static final String URL =
      System.getProperty("asyncops.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/asyncops");
  static final String USER = System.getProperty("asyncops.jdbc.user", "asyncops");
  static final String PASSWORD = System.getProperty("asyncops.jdbc.password", "asyncops");

  private final String name;

  private ClusterSchema(String name) {
    this.name = name;
  }

  /**
   * Creates a schema with a fresh name.
   *
   * @param prefix the name's start, which says which test made it
   * @return the schema
   * @throws SQLException if the database refuses
   */
  static ClusterSchema create(String prefix) throws SQLException {
    ClusterSchema schema =
        new ClusterSchema(prefix + "_" + UUID.randomUUID().toString().replace("-", ""));
    schema.execute("CREATE SCHEMA " + schema.name);
    return schema;
  }

  /** The JDBC URL of the database with this schema as the current one. */
  String jdbcUrl() {
    return URL + "?currentSchema=" + name;
  }

  /** The options with this schema's database as the node's store. */
  DemoOptions store(DemoOptions options) {
    return options.withJdbc(jdbcUrl(), USER, PASSWORD);
  }

  /**
   * The first column of a query's first row in this schema, or null when there is no row.
   *
   * @param query SQL with {@code ?} for the arguments
   * @param arguments the arguments, in order
   * @return the value as text
   * @throws SQLException if the query fails
   */
  String text(String query, Object... arguments) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
        PreparedStatement statement = connection.prepareStatement(query)) {
      for (int i = 0; i < arguments.length; i++) {
        statement.setObject(i + 1, arguments[i]);
      }
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  @Override
  public void close() throws SQLException {
    execute("DROP SCHEMA " + name + " CASCADE");
  }

  private void execute(String statement) throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement s = connection.createStatement()) {
      s.execute(statement);
    }
  }
}
