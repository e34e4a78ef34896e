package io.github.asyncops.core;

/**
 * A progress report: how far an operation is, and a text for people.
 *
 * @param value the fraction done, from 0 to 1 inclusive
 * @param text a status text for people, or null for none
 */
public record Progress(double value, String text) {

  /** No progress and no text. */
  public static final Progress NONE = new Progress(0, null);

  /**
   * Creates a report.
   *
   * @param value the fraction done, from 0 to 1 inclusive
   * @param text a status text for people, or null for none
   * @throws IllegalArgumentException if {@code value} is not within 0..1
   */
  public Progress {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("progress value must be within 0..1, was " + value);
    }
  }

  /**
   * Creates a report.
   *
   * @param value the fraction done, from 0 to 1 inclusive
   * @param text a status text for people, or null
   * @return the report
   * @throws IllegalArgumentException if {@code value} is not within 0..1
   */
  public static Progress of(double value, String text) {
    return new Progress(value, text);
  }
}
