package io.github.asyncops.core;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the engine knows of one operation type: declared by the {@link
 * io.github.asyncops.core.spi.WorkerProvider} of a node that runs it, or with {@link #declare} by a
 * node that only starts, lists, stops and follows its operations.
 *
 * @param name the short, URL-safe, unique name
 * @param title a title for people
 * @param scope which operations count as the same for the start policy
 * @param startPolicy what a start does while one in the same scope is active
 * @param parameterType the class that start parameters must be an instance of ({@code Void} for
 *     none)
 * @param maxConcurrent the most operations of this type running at once on one engine
 * @param timeout the longest a run may take, or {@link Duration#ZERO} for no limit
 * @param retention how long a finished operation is kept before it is forgotten
 * @param pollInterval the suggested delay between two polls while active
 * @param restartable whether a store shared by nodes queues an operation again, instead of failing
 *     it, when the node running it is lost
 * @param stallAfter how long a running operation may report nothing before its status says it
 *     stalled, or {@link Duration#ZERO} for never
 */
public record OperationType(
    String name,
    String title,
    Scope scope,
    StartPolicy startPolicy,
    Class<?> parameterType,
    int maxConcurrent,
    Duration timeout,
    Duration retention,
    Duration pollInterval,
    boolean restartable,
    Duration stallAfter) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  /**
   * Checks the declaration.
   *
   * @param name the short, URL-safe, unique name
   * @param title a title for people
   * @param scope which operations count as the same for the start policy
   * @param startPolicy what a start does while one in the same scope is active
   * @param parameterType the class that start parameters must be an instance of
   * @param maxConcurrent the most operations of this type running at once on one engine
   * @param timeout the longest a run may take, or zero for no limit
   * @param retention how long a finished operation is kept
   * @param pollInterval the suggested delay between two polls while active
   * @param restartable whether a shared store queues a lost operation again
   * @param stallAfter how long a running operation may report nothing before it stalled
   * @throws IllegalArgumentException naming the part that is invalid: a name that is not 1 to 64
   *     characters of a-z, 0-9 and '-' not starting with '-', a null part, {@code maxConcurrent}
   *     below 1, a negative duration, or a poll interval that is not positive
   */
  public OperationType {
    if (!validName(name)) {
      throw new IllegalArgumentException(
          "name '"
              + name
              + "' must be 1 to 64 characters of a-z, 0-9 and '-', not starting with '-'");
    }
    require("title", title);
    require("scope", scope);
    require("startPolicy", startPolicy);
    require("parameterType", parameterType);
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent must be at least 1, was " + maxConcurrent);
    }
    requireNotNegative("timeout", timeout);
    requireNotNegative("retention", retention);
    requireNotNegative("pollInterval", pollInterval);
    requireNotNegative("stallAfter", stallAfter);
    if (pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive");
    }
  }

  /**
   * Starts the declaration of a type that this node starts, lists, stops and follows but does not
   * run, so it needs no worker class: give it to {@link OperationEngine.Builder#declare}. Nodes
   * that run the type declare it through their provider; both declarations must agree. The defaults
   * are a provider's.
   *
   * @param name the type's name, as the providers of the nodes that run it give it
   * @param parameterType the class start parameters must be an instance of, {@code Void} for none;
   *     a shared store keeps parameters encoded, and the nodes that run the type decode them into
   *     their own parameter class
   * @return a builder
   */
  public static Builder declare(String name, Class<?> parameterType) {
    return new Builder(name, parameterType);
  }

  static boolean validName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  private static <T> T require(String what, T value) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    return value;
  }

  private static void requireNotNegative(String what, Duration value) {
    if (require(what, value).isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative, was " + value);
    }
  }

  /** A declaration under way; see {@link OperationType#declare}. */
  public static final class Builder {
    private final String name;
    private final Class<?> parameterType;
    private String title;
    private Scope scope = Scope.USER;
    private StartPolicy startPolicy = StartPolicy.JOIN;
    private int maxConcurrent = 4;
    private Duration timeout = Duration.ZERO;
    private Duration retention = Duration.ofMinutes(15);
    private Duration pollInterval = Duration.ofSeconds(3);
    private boolean restartable;
    private Duration stallAfter = Duration.ofSeconds(30);

    private Builder(String name, Class<?> parameterType) {
      this.name = name;
      this.parameterType = parameterType;
    }

    /**
     * Sets the title for people. Default: the name.
     *
     * @param value the title
     * @return this builder
     */
    public Builder title(String value) {
      title = Objects.requireNonNull(value, "title");
      return this;
    }

    /**
     * Sets which operations count as the same. Default: {@link Scope#USER}.
     *
     * @param value the scope
     * @return this builder
     */
    public Builder scope(Scope value) {
      scope = value;
      return this;
    }

    /**
     * Sets what a start does while one in the same scope is active. Default: {@link
     * StartPolicy#JOIN}.
     *
     * @param value the policy
     * @return this builder
     */
    public Builder startPolicy(StartPolicy value) {
      startPolicy = value;
      return this;
    }

    /**
     * Sets the most operations running at once on one engine. Default: 4.
     *
     * @param value at least 1
     * @return this builder
     */
    public Builder maxConcurrent(int value) {
      maxConcurrent = value;
      return this;
    }

    /**
     * Sets the longest a run may take. Default: zero, no limit.
     *
     * @param value not negative
     * @return this builder
     */
    public Builder timeout(Duration value) {
      timeout = value;
      return this;
    }

    /**
     * Sets how long a finished operation is kept. Default: 15 minutes.
     *
     * @param value not negative
     * @return this builder
     */
    public Builder retention(Duration value) {
      retention = value;
      return this;
    }

    /**
     * Sets the suggested delay between two polls. Default: 3 seconds.
     *
     * @param value positive
     * @return this builder
     */
    public Builder pollInterval(Duration value) {
      pollInterval = value;
      return this;
    }

    /**
     * Sets whether a shared store queues an operation again when its node is lost. Default: false.
     *
     * @param value true to queue again
     * @return this builder
     */
    public Builder restartable(boolean value) {
      restartable = value;
      return this;
    }

    /**
     * Sets how long a running operation may report nothing before it stalled. Default: 30 seconds.
     *
     * @param value not negative; zero for never
     * @return this builder
     */
    public Builder stallAfter(Duration value) {
      stallAfter = value;
      return this;
    }

    /**
     * Checks and builds the declaration.
     *
     * @return the type
     * @throws IllegalArgumentException naming the part that is invalid
     */
    public OperationType build() {
      return new OperationType(
          name,
          title == null ? name : title,
          scope,
          startPolicy,
          parameterType,
          maxConcurrent,
          timeout,
          retention,
          pollInterval,
          restartable,
          stallAfter);
    }
  }
}
