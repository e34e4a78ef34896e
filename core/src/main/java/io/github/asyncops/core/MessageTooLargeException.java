package io.github.asyncops.core;

/**
 * A {@link Message} would pass one of its bounds: {@link Message#MAX_KEY_LENGTH}, {@link
 * Message#MAX_ARGUMENTS} or {@link Message#MAX_ENCODED_BYTES}. A store keeps a message in one text
 * column, and the bounds keep every record small.
 */
public final class MessageTooLargeException extends InvalidMessageException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param reason which bound the message passes, for people
   */
  public MessageTooLargeException(String reason) {
    super(reason);
  }
}
