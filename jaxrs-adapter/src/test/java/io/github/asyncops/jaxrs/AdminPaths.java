package io.github.asyncops.jaxrs;

import java.util.ArrayList;
import java.util.List;

/** Every admin path with every method, for the tests that check who is told they exist. */
final class AdminPaths {
  private AdminPaths() {}

  /**
   * The requests as method and path under the application.
   *
   * @param id an operation's id to use in paths
   * @return pairs of method and path
   */
  static List<String[]> requests(String id) {
    List<String> paths =
        List.of(
            "operations/_admin",
            "operations/_admin/operations",
            "operations/_admin/operations?state=RUNNING&limit=5",
            "operations/_admin/summary",
            "operations/_admin/events",
            "operations/_admin/operations/" + id,
            "operations/_admin/operations/" + id + "/stop",
            "operations/_admin/nothing/here");
    List<String[]> requests = new ArrayList<>();
    for (String path : paths) {
      for (String method : List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
        requests.add(new String[] {method, path});
      }
    }
    return requests;
  }
}
