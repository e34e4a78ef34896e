package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the query parameters of {@code GET {base}/_admin/operations} into an {@link
 * OperationQuery}, and writes and reads its opaque cursors. A bad parameter is a 400 problem whose
 * {@code field} names it.
 */
final class AdminQueries {
  /** The limit of a page when the request gives none. */
  static final int DEFAULT_LIMIT = 50;

  /** The largest page. */
  static final int MAX_LIMIT = 500;

  private static final Pattern ID_PREFIX = Pattern.compile("[A-Za-z0-9_-]{1,22}");
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final char SEPARATOR = ' ';

  private AdminQueries() {}

  /**
   * Reads a list request's parameters. Empty values count as absent.
   *
   * @param type the type's name, or null
   * @param states the state names, possibly empty
   * @param owner the owner, or null
   * @param node the node, or null
   * @param from the earliest creation instant, ISO-8601, or null
   * @param to the instant before which operations were created, ISO-8601, or null
   * @param id an id prefix, or null
   * @param limit the page size, or null
   * @param cursor the {@code next} of a previous page, or null
   * @return the query, with the limit one more than the page size, to tell whether more follow
   * @throws ProblemException 400 naming the first bad parameter
   */
  static OperationQuery of(
      String type,
      List<String> states,
      String owner,
      String node,
      String from,
      String to,
      String id,
      String limit,
      String cursor) {
    String prefix = blankToNull(id);
    if (prefix != null && !ID_PREFIX.matcher(prefix).matches()) {
      throw invalid("id", Detail.of("admin.id"));
    }
    return OperationQuery.all()
        .withType(blankToNull(type))
        .withStates(states(states))
        .withOwner(blankToNull(owner))
        .withNode(blankToNull(node))
        .withCreated(instant("from", from), instant("to", to))
        .withIdPrefix(prefix)
        .withLimit(limit(limit) + 1)
        .withAfter(cursor(cursor));
  }

  /**
   * The opaque cursor that continues after a record.
   *
   * @param position the last record's position
   * @return the cursor text
   */
  static String cursor(OperationQuery.Cursor position) {
    String plain = position.createdAt().toString() + SEPARATOR + position.id().value();
    return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  private static OperationQuery.Cursor cursor(String value) {
    String text = blankToNull(value);
    if (text == null) {
      return null;
    }
    try {
      String plain = new String(DECODER.decode(text), StandardCharsets.UTF_8);
      int at = plain.indexOf(SEPARATOR);
      return new OperationQuery.Cursor(
          Instant.parse(plain.substring(0, at)), OperationId.of(plain.substring(at + 1)));
    } catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException e) {
      throw invalid("cursor", Detail.of("admin.cursor"));
    }
  }

  private static Set<OperationState> states(List<String> names) {
    Set<OperationState> states = EnumSet.noneOf(OperationState.class);
    for (String name : names == null ? List.<String>of() : names) {
      try {
        states.add(OperationState.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw invalid("state", Detail.of("admin.state", EnumSet.allOf(OperationState.class)));
      }
    }
    return states;
  }

  private static Instant instant(String name, String value) {
    String text = blankToNull(value);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw invalid(name, Detail.of("admin.instant", name));
    }
  }

  private static int limit(String value) {
    String text = blankToNull(value);
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw invalid("limit", Detail.of("admin.limit", MAX_LIMIT));
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static ProblemException invalid(String field, Detail detail) {
    return new ProblemException(Problem.INVALID_REQUEST.response(detail, field, null));
  }
}
