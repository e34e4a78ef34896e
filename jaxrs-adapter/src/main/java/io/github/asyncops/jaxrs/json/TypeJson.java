package io.github.asyncops.jaxrs.json;

import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.StartPolicy;

/**
 * One registered operation type.
 *
 * @param name the name used in URLs
 * @param title a title for people
 * @param scope which operations count as the same for the start policy
 * @param startPolicy what a start does while one in the same scope is active
 */
public record TypeJson(String name, String title, Scope scope, StartPolicy startPolicy) {

  /**
   * Describes a type.
   *
   * @param type the type
   * @return its JSON form
   */
  public static TypeJson of(OperationType type) {
    return new TypeJson(type.name(), type.title(), type.scope(), type.startPolicy());
  }
}
