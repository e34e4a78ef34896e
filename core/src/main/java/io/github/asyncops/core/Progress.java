package io.github.asyncops.core;

/**
 * A progress report: how far an operation is, and a text for people, either plain or as a {@link
 * Message} that each viewer reads in their own language.
 *
 * @param value the fraction done, from 0 to 1 inclusive
 * @param text a status text for people, or null for none; with a message, the message rendered in
 *     the engine's default language (null until the engine renders it)
 * @param message the status as a message, or null for a plain text
 */
public record Progress(double value, String text, Message message) {

  /** No progress and no text. */
  public static final Progress NONE = new Progress(0, null, null);

  /**
   * Creates a report.
   *
   * @param value the fraction done, from 0 to 1 inclusive
   * @param text a status text for people, or null
   * @param message the status as a message, or null
   * @throws IllegalArgumentException if {@code value} is not within 0..1
   */
  public Progress {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("progress value must be within 0..1, was " + value);
    }
  }

  /**
   * Creates a report with a plain text.
   *
   * @param value the fraction done, from 0 to 1 inclusive
   * @param text a status text for people, or null for none
   * @throws IllegalArgumentException if {@code value} is not within 0..1
   */
  public Progress(double value, String text) {
    this(value, text, null);
  }

  /**
   * Creates a report with a plain text.
   *
   * @param value the fraction done, from 0 to 1 inclusive
   * @param text a status text for people, or null
   * @return the report
   * @throws IllegalArgumentException if {@code value} is not within 0..1
   */
  public static Progress of(double value, String text) {
    return new Progress(value, text, null);
  }

  /**
   * Creates a report whose text is a message, rendered for each viewer.
   *
   * @param value the fraction done, from 0 to 1 inclusive
   * @param message the status, or null for none
   * @return the report
   * @throws IllegalArgumentException if {@code value} is not within 0..1
   */
  public static Progress of(double value, Message message) {
    return new Progress(value, null, message);
  }

  /**
   * A copy at another value, with the same text and message.
   *
   * @param newValue the fraction done, from 0 to 1 inclusive
   * @return the copy
   * @throws IllegalArgumentException if {@code newValue} is not within 0..1
   */
  public Progress at(double newValue) {
    return new Progress(newValue, text, message);
  }
}
