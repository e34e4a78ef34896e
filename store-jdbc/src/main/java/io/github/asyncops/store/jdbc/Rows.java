package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.Message;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.spi.OperationRecord;
import java.lang.System.Logger.Level;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps records to rows and back. Parameters are decoded only into the class registered for the
 * record's type, never into a class the row names.
 */
final class Rows {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.store.jdbc");

  /** Why a record's parameters could not be decoded for a claim. */
  static final class UnreadableParameters extends Exception {
    private static final long serialVersionUID = 1L;

    /** True when the type is not registered, false when decoding failed. */
    final boolean unregistered;

    UnreadableParameters(String message, Throwable cause, boolean unregistered) {
      super(message, cause);
      this.unregistered = unregistered;
    }
  }

  private final ValueCodec codec;
  private final KnownTypes types;
  private final Results results;
  private final Set<String> warnedTypes = ConcurrentHashMap.newKeySet();

  Rows(ValueCodec codec, KnownTypes types, Results results) {
    this.codec = codec;
    this.types = types;
    this.results = results;
  }

  /**
   * Reads the record at the result set's current row, selected with {@link Sql#COLUMNS}. Parameters
   * that cannot be decoded come back null, with one warning per type: status reads do not need
   * them.
   */
  OperationRecord read(ResultSet rs) throws SQLException {
    return read(rs, true);
  }

  /**
   * Reads the record at the current row without its parameters; {@link #parametersToRun} decodes
   * them from column 9.
   */
  OperationRecord readWithoutParameters(ResultSet rs) throws SQLException {
    return read(rs, false);
  }

  private OperationRecord read(ResultSet rs, boolean decodeParameters) throws SQLException {
    OperationId id = OperationId.of(rs.getString(1));
    String type = rs.getString(2);
    OperationResult result =
        results.read(
            id,
            rs.getString(15),
            rs.getString(16),
            rs.getString(17),
            rs.getString(18),
            rs.getObject(19) == null ? -1 : rs.getLong(19));
    String idempotencyKey = IdempotencyKeys.keyOf(rs.getString(25));
    return new OperationRecord(
        id,
        type,
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        decodeParameters ? parametersToRead(type, rs.getString(9)) : null,
        Duration.ofMillis(rs.getLong(23)),
        OperationState.valueOf(rs.getString(3)),
        new Progress(rs.getDouble(4), rs.getString(5), message(rs.getString(27))),
        rs.getBoolean(20),
        new OperationRecord.Outcome(
            rs.getString(14), result, rs.getString(28), message(rs.getString(29))),
        new OperationRecord.Times(
            instant(rs, 10), instant(rs, 11), instant(rs, 12), instant(rs, 13)),
        new OperationRecord.Lease(rs.getString(21), instant(rs, 22), rs.getLong(24)),
        idempotencyKey == null
            ? null
            : new OperationRecord.Idempotency(idempotencyKey, rs.getString(26)));
  }

  private Object parametersToRead(String type, String text) {
    try {
      return parametersToRun(type, text);
    } catch (UnreadableParameters e) {
      if (!e.unregistered && warnedTypes.add(type)) {
        LOG.log(Level.WARNING, e.getMessage() + "; reads show them as null", e.getCause());
      }
      return null;
    }
  }

  /**
   * Decodes parameters into the class registered for their type.
   *
   * @param type the record's type
   * @param text the stored text, or null
   * @return the parameters, or null for none
   * @throws UnreadableParameters if the type is not registered or decoding fails
   */
  Object parametersToRun(String type, String text) throws UnreadableParameters {
    if (text == null) {
      return null;
    }
    Class<?> target = types.parameterType(type);
    if (target == null) {
      throw new UnreadableParameters(
          "operation type '"
              + type
              + "' is not registered with this store: the engine using"
              + " it has no worker provider of that name",
          null,
          true);
    }
    try {
      return codec.decode(text, target);
    } catch (Exception e) {
      throw new UnreadableParameters(
          "the parameters of an operation of type '"
              + type
              + "' could not be read as "
              + target.getName(),
          e,
          false);
    }
  }

  /**
   * Binds a queued record and its {@link #encodeParameters encoded parameters} to the insert, 1 to
   * 18.
   *
   * @return the next parameter index
   */
  static int bindInsert(PreparedStatement insert, OperationRecord r, String parameters)
      throws SQLException {
    insert.setString(1, r.id().value());
    insert.setString(2, r.type());
    insert.setString(3, r.state().name());
    insert.setDouble(4, r.progress().value());
    insert.setString(5, r.progress().text());
    insert.setString(6, r.owner());
    insert.setString(7, r.key());
    insert.setString(8, r.slot());
    insert.setString(9, parameters);
    Database.setTimestamp(insert, 10, r.times().createdAt());
    Database.setTimestamp(insert, 11, r.times().startedAt());
    Database.setTimestamp(insert, 12, r.times().updatedAt());
    insert.setBoolean(13, r.stopRequested());
    insert.setString(14, r.lease().node());
    Database.setTimestamp(insert, 15, r.lease().heartbeatAt());
    insert.setLong(16, r.retention().toMillis());
    insert.setString(17, IdempotencyKeys.column(r));
    insert.setString(18, r.idempotency() == null ? null : r.idempotency().fingerprint());
    return 19;
  }

  /**
   * Encodes a record's parameters for its row.
   *
   * @return the text, or null for none
   * @throws JdbcStoreException if the type is not registered, its parameters are not of the
   *     registered class, or the codec fails
   */
  String encodeParameters(OperationRecord r) {
    Object parameters = r.parameters();
    if (parameters == null) {
      return null;
    }
    Class<?> registered = types.parameterType(r.type());
    if (registered == null || !registered.isInstance(parameters)) {
      throw new JdbcStoreException(
          "operation type '"
              + r.type()
              + "' has parameters of class "
              + parameters.getClass().getName()
              + ", but "
              + (registered == null
                  ? "the type is not registered with this store (the engine registers its"
                      + " worker providers' types when it starts)"
                  : "the class registered for it is " + registered.getName()));
    }
    try {
      return codec.encode(parameters);
    } catch (Exception e) {
      throw new JdbcStoreException(
          "the parameters of operation type '"
              + r.type()
              + "' could not be encoded: "
              + e.getMessage());
    }
  }

  /**
   * Binds the state columns of {@link Sql#updateActive} and {@link Sql#updateFinal}, 1 to 15.
   *
   * @return the next parameter index
   */
  static int bindState(PreparedStatement update, OperationRecord r) throws SQLException {
    update.setString(1, r.state().name());
    update.setDouble(2, r.progress().value());
    update.setString(3, r.progress().text());
    update.setString(4, r.slot());
    Database.setTimestamp(update, 5, r.times().startedAt());
    Database.setTimestamp(update, 6, r.times().updatedAt());
    Database.setTimestamp(update, 7, r.times().finishedAt());
    Database.setTimestamp(update, 8, r.evictAt());
    update.setString(9, r.outcome().error());
    update.setBoolean(10, r.stopRequested());
    update.setString(11, r.lease().node());
    Database.setTimestamp(update, 12, r.lease().heartbeatAt());
    update.setString(13, encoded(r.progress().message()));
    update.setString(14, r.outcome().cause());
    update.setString(15, encoded(r.outcome().errorMessage()));
    return 16;
  }

  static void setNullableLong(PreparedStatement statement, int index, long value)
      throws SQLException {
    if (value < 0) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  /** A message as its column keeps it: {@link Message#encode()}, or null for none. */
  static String encoded(Message message) {
    return message == null ? null : message.encode();
  }

  private static Message message(String encoded) {
    return encoded == null ? null : Message.decode(encoded);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
