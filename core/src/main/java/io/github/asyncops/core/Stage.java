package io.github.asyncops.core;

/**
 * A named stage of an operation's run, such as {@code stage 2 of 5: "Loading rows"}.
 *
 * @param index the stage's position, from 1 to {@code count}
 * @param count how many stages the run has, at least 1
 * @param name the stage's name for people, or null; with a message, the message rendered in the
 *     engine's default language
 * @param message the name as a message, or null for a plain name
 */
public record Stage(int index, int count, String name, Message message) {

  /**
   * Creates a stage.
   *
   * @param index the stage's position, from 1 to {@code count}
   * @param count how many stages the run has, at least 1
   * @param name the stage's name for people, or null
   * @param message the name as a message, or null
   * @throws IllegalArgumentException if {@code index} is not within 1..{@code count}
   */
  public Stage {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException(
          "a stage needs 1 <= index <= count, was stage " + index + " of " + count);
    }
  }

  /**
   * Creates a stage with a plain name.
   *
   * @param index the stage's position, from 1 to {@code count}
   * @param count how many stages the run has, at least 1
   * @param name the stage's name for people, or null
   * @throws IllegalArgumentException if {@code index} is not within 1..{@code count}
   */
  public Stage(int index, int count, String name) {
    this(index, count, name, null);
  }

  /**
   * The share of the run that the stages before this one stand for, counting stages as equal.
   *
   * @return {@code (index - 1) / count}
   */
  public double done() {
    return (double) (index - 1) / count;
  }
}
