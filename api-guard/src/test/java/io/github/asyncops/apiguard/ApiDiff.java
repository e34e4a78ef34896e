package io.github.asyncops.apiguard;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two API dumps ({@link ApiDump}): removed lines start with {@code -}, added lines
 * with {@code +}, and each change is preceded by the line of the type it belongs to, so that a
 * changed member names its class. A longest common subsequence keeps moved-but-equal lines out of
 * the report.
 */
final class ApiDiff {
  private ApiDiff() {}

  /** The changes from {@code recorded} to {@code actual}; empty when they are equal. */
  static List<String> between(List<String> recorded, List<String> actual) {
    int[][] common = new int[recorded.size() + 1][actual.size() + 1];
    for (int i = recorded.size() - 1; i >= 0; i--) {
      for (int j = actual.size() - 1; j >= 0; j--) {
        common[i][j] =
            recorded.get(i).equals(actual.get(j))
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }

    List<String> report = new ArrayList<>();
    String type = null;
    String shownType = null;
    int i = 0;
    int j = 0;
    while (i < recorded.size() || j < actual.size()) {
      String line;
      String mark;
      if (i < recorded.size() && j < actual.size() && recorded.get(i).equals(actual.get(j))) {
        line = recorded.get(i);
        mark = " ";
        i++;
        j++;
      } else if (i < recorded.size()
          && (j == actual.size() || common[i + 1][j] >= common[i][j + 1])) {
        line = recorded.get(i);
        mark = "-";
        i++;
      } else {
        line = actual.get(j);
        mark = "+";
        j++;
      }
      boolean member = line.startsWith(" ");
      if (!member) {
        type = line;
      }
      if (!mark.equals(" ")) {
        if (member && type != null && !type.equals(shownType)) {
          report.add("  " + type);
        }
        shownType = type;
        report.add(mark + " " + line);
      }
    }
    return report;
  }
}
