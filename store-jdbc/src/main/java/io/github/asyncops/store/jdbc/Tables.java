package io.github.asyncops.store.jdbc;

import java.util.regex.Pattern;

/**
 * The names the store uses: its four tables, qualified by the schema if one is set, and the
 * notification channel. The DDL resources use the default prefix; {@link Schema} rewrites them.
 *
 * @param schema the schema, or null for the connection's default
 * @param prefix the table prefix
 */
record Tables(String schema, String prefix) {
  /** The prefix the DDL resources are written with. */
  static final String DEFAULT_PREFIX = "asyncops_";

  /** Unquoted identifiers only, so the same name works in PostgreSQL (lower) and H2 (upper). */
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Leaves room for the longest suffix in PostgreSQL's 63-byte identifiers. */
  private static final int MAX_PREFIX = 40;

  Tables {
    if (!IDENTIFIER.matcher(prefix).matches() || prefix.length() > MAX_PREFIX) {
      throw new IllegalArgumentException(
          "table prefix must be 1 to "
              + MAX_PREFIX
              + " letters, digits or '_', was '"
              + prefix
              + "'");
    }
    if (schema != null && (!IDENTIFIER.matcher(schema).matches() || schema.length() > 63)) {
      throw new IllegalArgumentException(
          "schema must be 1 to 63 letters, digits or '_', was '" + schema + "'");
    }
    if (schema != null && schema.length() + 1 + prefix.length() + "operation".length() > 63) {
      throw new IllegalArgumentException(
          "schema and table prefix together must leave the"
              + " notification channel '"
              + schema
              + "."
              + prefix
              + "operation' within 63 characters");
    }
  }

  /** The prefix with the schema, for table references. */
  String qualifiedPrefix() {
    return schema == null ? prefix : schema + "." + prefix;
  }

  String operation() {
    return qualifiedPrefix() + "operation";
  }

  String result() {
    return qualifiedPrefix() + "result";
  }

  String forgotten() {
    return qualifiedPrefix() + "forgotten";
  }

  String queue() {
    return qualifiedPrefix() + "queue";
  }

  /** The LISTEN/NOTIFY channel: one per set of tables, so stores on other tables stay apart. */
  String channel() {
    return operation();
  }
}
