package io.github.asyncops.core;

/**
 * A {@link Message} cannot be made or read: a key or argument name outside its grammar, an argument
 * of a type messages do not carry, or an encoded text that is not one {@link Message#encode()}
 * writes. The message says which part is wrong, never the offending text's internals.
 */
public class InvalidMessageException extends AsyncOpsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param reason what is wrong, for people
   */
  public InvalidMessageException(String reason) {
    super(reason);
  }
}
