package io.github.asyncops.core;

import io.github.asyncops.core.spi.OperationRecord;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which operations to list, newest first: by {@code createdAt}, then by id, both descending.
 * Immutable; build it with {@link #of(String)} or {@link #all()} and the {@code with} methods.
 *
 * <p>The user API lists one type ({@link #of(String)}); the operator console lists every type and
 * narrows by state, node, creation time and id prefix, and pages with a keyset {@link Cursor}: the
 * next page is the query {@link #withAfter after} the last record of the previous one, so a page
 * never repeats or skips a record that existed when paging began, whatever is inserted meanwhile.
 * {@link #matches} is the one definition of these filters that every store follows.
 *
 * @param type only operations of this type's name, or null for every type
 * @param owner only operations of this owner, or null for any owner
 * @param key only operations with this key, or null for any key
 * @param activeOnly only active operations
 * @param limit the most operations to return, at least 1
 * @param states only operations in one of these states, or every state when empty; unmodifiable
 * @param node only operations whose lease names this node, or null for any
 * @param createdFrom only operations created at or after this instant, or null
 * @param createdTo only operations created before this instant, or null
 * @param idPrefix only operations whose id starts with this text, or null
 * @param after only operations that come after this position in the order, or null from the start
 */
public record OperationQuery(
    String type,
    String owner,
    String key,
    boolean activeOnly,
    int limit,
    Set<OperationState> states,
    String node,
    Instant createdFrom,
    Instant createdTo,
    String idPrefix,
    Cursor after) {

  /** The limit of a query made with {@link #of(String)} or {@link #all()}. */
  public static final int DEFAULT_LIMIT = 100;

  /** The order of every listing: newest {@code createdAt} first, then the greater id first. */
  public static final Comparator<OperationRecord> NEWEST_FIRST =
      Comparator.comparing((OperationRecord r) -> Cursor.of(r), Cursor.ORDER);

  /**
   * Creates a query.
   *
   * @param type only this type's operations, or null for every type
   * @param owner only this owner's operations, or null for any
   * @param key only operations with this key, or null for any
   * @param activeOnly only active operations
   * @param limit the most operations to return, at least 1
   * @param states only these states, or every state when empty or null
   * @param node only operations on this node, or null
   * @param createdFrom the earliest creation instant, inclusive, or null
   * @param createdTo the latest creation instant, exclusive, or null
   * @param idPrefix the start of the ids, or null
   * @param after where the previous page ended, or null
   * @throws IllegalArgumentException if {@code limit} is below 1
   */
  public OperationQuery {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    states =
        states == null || states.isEmpty()
            ? Set.of()
            : Set.copyOf(EnumSet.copyOf(Objects.requireNonNull(states)));
  }

  /**
   * Creates a query of the user API's filters, for every state and node.
   *
   * @param type only this type's operations, or null for every type
   * @param owner only this owner's operations, or null for any
   * @param key only operations with this key, or null for any
   * @param activeOnly only active operations
   * @param limit the most operations to return, at least 1
   * @throws IllegalArgumentException if {@code limit} is below 1
   */
  public OperationQuery(String type, String owner, String key, boolean activeOnly, int limit) {
    this(type, owner, key, activeOnly, limit, Set.of(), null, null, null, null, null);
  }

  /**
   * Queries all operations of a type, up to {@link #DEFAULT_LIMIT}.
   *
   * @param type the operation type's name
   * @return the query
   * @throws NullPointerException if {@code type} is null
   */
  public static OperationQuery of(String type) {
    return new OperationQuery(
        Objects.requireNonNull(type, "type"), null, null, false, DEFAULT_LIMIT);
  }

  /**
   * Queries the operations of every type, up to {@link #DEFAULT_LIMIT}.
   *
   * @return the query
   */
  public static OperationQuery all() {
    return new OperationQuery(null, null, null, false, DEFAULT_LIMIT);
  }

  /**
   * Returns a copy restricted to one type.
   *
   * @param newType the type's name, or null for every type
   * @return the copy
   */
  public OperationQuery withType(String newType) {
    return new OperationQuery(
        newType,
        owner,
        key,
        activeOnly,
        limit,
        states,
        node,
        createdFrom,
        createdTo,
        idPrefix,
        after);
  }

  /**
   * Returns a copy restricted to one owner.
   *
   * @param newOwner the owner, or null for any
   * @return the copy
   */
  public OperationQuery withOwner(String newOwner) {
    return new OperationQuery(
        type,
        newOwner,
        key,
        activeOnly,
        limit,
        states,
        node,
        createdFrom,
        createdTo,
        idPrefix,
        after);
  }

  /**
   * Returns a copy restricted to one key.
   *
   * @param newKey the key, or null for any
   * @return the copy
   */
  public OperationQuery withKey(String newKey) {
    return new OperationQuery(
        type,
        owner,
        newKey,
        activeOnly,
        limit,
        states,
        node,
        createdFrom,
        createdTo,
        idPrefix,
        after);
  }

  /**
   * Returns a copy restricted to active operations, or not.
   *
   * @param newActiveOnly whether to list only active operations
   * @return the copy
   */
  public OperationQuery withActiveOnly(boolean newActiveOnly) {
    return new OperationQuery(
        type,
        owner,
        key,
        newActiveOnly,
        limit,
        states,
        node,
        createdFrom,
        createdTo,
        idPrefix,
        after);
  }

  /**
   * Returns a copy with another limit.
   *
   * @param newLimit the most operations to return, at least 1
   * @return the copy
   * @throws IllegalArgumentException if {@code newLimit} is below 1
   */
  public OperationQuery withLimit(int newLimit) {
    return new OperationQuery(
        type,
        owner,
        key,
        activeOnly,
        newLimit,
        states,
        node,
        createdFrom,
        createdTo,
        idPrefix,
        after);
  }

  /**
   * Returns a copy restricted to some states.
   *
   * @param newStates the states, or empty for every state
   * @return the copy
   */
  public OperationQuery withStates(Set<OperationState> newStates) {
    return new OperationQuery(
        type,
        owner,
        key,
        activeOnly,
        limit,
        newStates,
        node,
        createdFrom,
        createdTo,
        idPrefix,
        after);
  }

  /**
   * Returns a copy restricted to the operations whose lease names a node.
   *
   * @param newNode the node, or null for any
   * @return the copy
   */
  public OperationQuery withNode(String newNode) {
    return new OperationQuery(
        type,
        owner,
        key,
        activeOnly,
        limit,
        states,
        newNode,
        createdFrom,
        createdTo,
        idPrefix,
        after);
  }

  /**
   * Returns a copy restricted to operations created in {@code [from, to)}.
   *
   * @param from the earliest creation instant, inclusive, or null
   * @param to the latest creation instant, exclusive, or null
   * @return the copy
   */
  public OperationQuery withCreated(Instant from, Instant to) {
    return new OperationQuery(
        type, owner, key, activeOnly, limit, states, node, from, to, idPrefix, after);
  }

  /**
   * Returns a copy restricted to ids that start with a prefix.
   *
   * @param newIdPrefix the prefix, or null for any id
   * @return the copy
   */
  public OperationQuery withIdPrefix(String newIdPrefix) {
    return new OperationQuery(
        type,
        owner,
        key,
        activeOnly,
        limit,
        states,
        node,
        createdFrom,
        createdTo,
        newIdPrefix,
        after);
  }

  /**
   * Returns a copy that starts after a position: the next page after a page ending there.
   *
   * @param newAfter the last position already seen, or null to start from the newest
   * @return the copy
   */
  public OperationQuery withAfter(Cursor newAfter) {
    return new OperationQuery(
        type,
        owner,
        key,
        activeOnly,
        limit,
        states,
        node,
        createdFrom,
        createdTo,
        idPrefix,
        newAfter);
  }

  /**
   * Tells whether a record passes every filter of this query, the cursor included; the limit is the
   * caller's. Stores that cannot run this code (a database) must answer the same.
   *
   * @param r the record
   * @return true if the query lists it
   */
  public boolean matches(OperationRecord r) {
    Instant createdAt = r.times().createdAt();
    return (type == null || type.equals(r.type()))
        && (owner == null || owner.equals(r.owner()))
        && (key == null || key.equals(r.key()))
        && (!activeOnly || r.state().isActive())
        && (states.isEmpty() || states.contains(r.state()))
        && (node == null || node.equals(r.lease().node()))
        && (createdFrom == null || !createdAt.isBefore(createdFrom))
        && (createdTo == null || createdAt.isBefore(createdTo))
        && (idPrefix == null || r.id().value().startsWith(idPrefix))
        && (after == null || Cursor.ORDER.compare(after, Cursor.of(r)) < 0);
  }

  /**
   * A position in the order of listings: a record's creation instant and id. A page's last record
   * gives the position the next page starts after.
   *
   * @param createdAt the record's creation instant
   * @param id the record's id
   */
  public record Cursor(Instant createdAt, OperationId id) {

    /** The order of listings: newest first, then the greater id first. */
    public static final Comparator<Cursor> ORDER =
        Comparator.comparing(Cursor::createdAt).thenComparing(c -> c.id().value()).reversed();

    /**
     * Checks the parts.
     *
     * @param createdAt the creation instant
     * @param id the id
     * @throws NullPointerException if either is null
     */
    public Cursor {
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(id, "id");
    }

    /**
     * The position of a record.
     *
     * @param r the record
     * @return its creation instant and id
     */
    public static Cursor of(OperationRecord r) {
      return new Cursor(r.times().createdAt(), r.id());
    }
  }
}
