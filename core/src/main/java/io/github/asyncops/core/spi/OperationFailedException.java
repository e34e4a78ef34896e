package io.github.asyncops.core.spi;

import io.github.asyncops.core.Message;
import java.util.Objects;

/**
 * Thrown by a worker to fail its operation with an error that each viewer reads in their own
 * language: {@code throw new OperationFailedException(Message.of("export.empty"))}. The operation
 * ends {@code FAILED}; the engine renders the message once in its default language for the stored
 * error text, keeps the message beside it ({@link Ending#errorMessage()}), and renders it again for
 * each viewer. The message's key names a pattern in the provider's {@link WorkerProvider#messages()
 * bundles}; a key they lack shows as the key itself.
 *
 * <p>Any other exception a worker throws fails the operation too, with its {@link
 * Throwable#getMessage() message} as a plain error text. Either way the stack trace, this
 * exception's cause included, is kept for operators only.
 */
public class OperationFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The error for users; a message is not serializable, and a deserialized copy has none. */
  private final transient Message userMessage;

  /**
   * Fails an operation with an error for users.
   *
   * @param userMessage the error, rendered in each viewer's language
   * @throws NullPointerException if {@code userMessage} is null
   */
  public OperationFailedException(Message userMessage) {
    this(userMessage, null);
  }

  /**
   * Fails an operation with an error for users and the failure that caused it, which only operators
   * see.
   *
   * @param userMessage the error, rendered in each viewer's language
   * @param cause the underlying failure, or null
   * @throws NullPointerException if {@code userMessage} is null
   */
  public OperationFailedException(Message userMessage, Throwable cause) {
    super(Objects.requireNonNull(userMessage, "userMessage").encode(), cause);
    this.userMessage = userMessage;
  }

  /**
   * The error for users.
   *
   * @return the message, or null only in a deserialized copy
   */
  public Message userMessage() {
    return userMessage;
  }
}
