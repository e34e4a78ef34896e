package io.github.asyncops.store.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that counts what the store asks of the database: statements executed, and
 * transactions (commits, and statements run with auto-commit). Keeps the SQL of every statement so
 * that a failing count can show the log. The store's costs are asserted on these counts, never on
 * times.
 */
final class CountingDataSource implements DataSource {
  private final DataSource delegate;
  final AtomicLong statements = new AtomicLong();
  final AtomicLong transactions = new AtomicLong();
  final List<String> log = new CopyOnWriteArrayList<>();

  CountingDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  /** Forgets what was counted so far. */
  void reset() {
    statements.set(0);
    transactions.set(0);
    log.clear();
  }

  /** How often each statement ran, by its first words, most frequent first. */
  String summary() {
    Map<String, Long> byKind = new TreeMap<>();
    for (String sql : log) {
      String[] words = sql.split(" ");
      String kind = String.join(" ", Arrays.copyOf(words, Math.min(3, words.length)));
      byKind.merge(kind, 1L, Long::sum);
    }
    return statements + " statements, " + transactions + " transactions: " + byKind;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return counting(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return counting(delegate.getConnection(user, password));
  }

  private Connection counting(Connection connection) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          Object result = invoke(connection, method, args);
          switch (method.getName()) {
            case "commit" -> transactions.incrementAndGet();
            case "prepareStatement" -> {
              return statement(connection, (PreparedStatement) result, (String) args[0]);
            }
            case "createStatement" -> {
              return statement(connection, (Statement) result, null);
            }
            default -> {
              // Not counted.
            }
          }
          return result;
        };
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  private Statement statement(Connection connection, Statement statement, String sql) {
    Class<?> type =
        statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().startsWith("execute")) {
            statements.incrementAndGet();
            log.add(sql != null ? sql : String.valueOf(args == null ? null : args[0]));
            if (connection.getAutoCommit()) {
              transactions.incrementAndGet();
            }
          }
          return invoke(statement, method, args);
        };
    return (Statement)
        Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getLogger("io.github.asyncops.store.jdbc");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return delegate.isWrapperFor(iface);
  }
}
