package io.github.asyncops.jaxrs.json;

import java.util.List;

/**
 * A page of the operator console's list, newest first.
 *
 * @param items the operations of this page
 * @param next the cursor of the next page, to send back as {@code cursor}, or null on the last page
 */
public record AdminPageJson(List<AdminRowJson> items, String next) {
  /**
   * Freezes the items.
   *
   * @param items the operations
   * @param next the next cursor, or null
   */
  public AdminPageJson {
    items = List.copyOf(items);
  }
}
