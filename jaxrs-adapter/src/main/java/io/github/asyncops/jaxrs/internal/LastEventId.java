package io.github.asyncops.jaxrs.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An event id of the status stream: {@code <sequence>.<tag>}, where the sequence counts the events
 * a client received across reconnections and the tag is the {@link ETags entity tag} of the status
 * the event carried. The tag lets a resumed stream skip a status the client has already seen.
 *
 * @param sequence the number of the event, from 1
 * @param tag the status's entity tag value
 */
record LastEventId(long sequence, String tag) {
  private static final Pattern FORM = Pattern.compile("(\\d{1,18})\\.([A-Za-z0-9_-]{22})");

  /** Where a new stream starts: no events seen. */
  static final LastEventId NONE = new LastEventId(0, "");

  /**
   * Reads a {@code Last-Event-ID} header.
   *
   * @param header the header, or null
   * @return what it says, or {@link #NONE} when it is absent or not one of ours
   */
  static LastEventId parse(String header) {
    if (header == null) {
      return NONE;
    }
    Matcher m = FORM.matcher(header.trim());
    return m.matches() ? new LastEventId(Long.parseLong(m.group(1)), m.group(2)) : NONE;
  }

  /**
   * Tells whether the client has seen the status with this tag already.
   *
   * @param statusTag the status's entity tag value
   * @return true if the last event it received carried that status
   */
  boolean saw(String statusTag) {
    return tag.equals(statusTag);
  }

  /**
   * The id of the event after this one.
   *
   * @param statusTag the entity tag value of the status that event carries
   * @return the id
   */
  LastEventId next(String statusTag) {
    return new LastEventId(sequence + 1, statusTag);
  }

  @Override
  public String toString() {
    return sequence + "." + tag;
  }
}
