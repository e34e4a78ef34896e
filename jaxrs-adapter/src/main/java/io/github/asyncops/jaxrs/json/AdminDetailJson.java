package io.github.asyncops.jaxrs.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.spi.OperationRecord;
import java.time.Instant;

/**
 * One operation in full, for the operator console ({@code GET {base}/_admin/operations/{id}}): the
 * fields of {@link AdminRowJson} and what only operators see, the failure's stack trace included.
 *
 * @param id the operation's id
 * @param type the type's name
 * @param state the state
 * @param owner who started it, or null
 * @param node the node that runs or ran it, or null
 * @param progress the fraction done and the last text
 * @param stopRequested whether a stop was requested
 * @param createdAt when it was accepted
 * @param startedAt when a node claimed it, or null
 * @param finishedAt when it ended, or null
 * @param error the user-safe failure message, in the viewer's language when the worker gave it as a
 *     message, or null
 * @param parameters the worker's parameters as JSON, or null (final operations drop them)
 * @param result what the result is, without its content, or null when there is none
 * @param cause the failure's stack trace text, bounded, or null
 * @param key the caller-given key, or null
 * @param slot the scope slot it holds, or null
 * @param epoch how many times a node claimed it
 */
public record AdminDetailJson(
    String id,
    String type,
    OperationState state,
    String owner,
    String node,
    AdminRowJson.Progress progress,
    boolean stopRequested,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    String error,
    JsonNode parameters,
    Result result,
    String cause,
    String key,
    String slot,
    long epoch) {

  /**
   * What a result is, without its content.
   *
   * @param kind {@code value} or {@code download}
   * @param mediaType a download's media type, or null
   * @param fileName a download's file name, or null
   * @param length a download's length in bytes, or null
   */
  public record Result(String kind, String mediaType, String fileName, Long length) {}

  /**
   * Describes a stored record.
   *
   * @param r the record
   * @param parameters its parameters as JSON, or null
   * @return the detail
   */
  public static AdminDetailJson of(OperationRecord r, JsonNode parameters) {
    return of(r, parameters, r.progress().text(), r.outcome().error());
  }

  /**
   * Describes a stored record with its texts in a viewer's language ({@link
   * io.github.asyncops.core.OperationEngine#localize(String, io.github.asyncops.core.Message,
   * String, java.util.Locale)}).
   *
   * @param r the record
   * @param parameters its parameters as JSON, or null
   * @param text the last status text as the viewer reads it, or null
   * @param error the error as the viewer reads it, or null
   * @return the detail
   */
  public static AdminDetailJson of(
      OperationRecord r, JsonNode parameters, String text, String error) {
    AdminRowJson row = AdminRowJson.of(r, text, error);
    return new AdminDetailJson(
        row.id(),
        row.type(),
        row.state(),
        row.owner(),
        row.node(),
        row.progress(),
        row.stopRequested(),
        row.createdAt(),
        row.startedAt(),
        row.finishedAt(),
        row.error(),
        parameters,
        result(r.outcome().result()),
        r.outcome().cause(),
        r.key(),
        r.slot(),
        r.lease().epoch());
  }

  private static Result result(OperationResult result) {
    if (result instanceof OperationResult.Download d) {
      return new Result("download", d.mediaType(), d.fileName(), d.length());
    }
    return result instanceof OperationResult.Value ? new Result("value", null, null, null) : null;
  }
}
