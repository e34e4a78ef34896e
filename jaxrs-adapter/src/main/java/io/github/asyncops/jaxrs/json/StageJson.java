package io.github.asyncops.jaxrs.json;

import io.github.asyncops.core.Stage;

/**
 * A stage as the status JSON carries it: its name is already in the viewer's language.
 *
 * @param index the stage's position, from 1 to {@code count}
 * @param count how many stages the run has
 * @param name the stage's name for people, or null
 */
public record StageJson(int index, int count, String name) {

  /**
   * Describes a stage.
   *
   * @param stage the stage, or null
   * @return its JSON form, or null for none
   */
  public static StageJson of(Stage stage) {
    return stage == null ? null : new StageJson(stage.index(), stage.count(), stage.name());
  }
}
