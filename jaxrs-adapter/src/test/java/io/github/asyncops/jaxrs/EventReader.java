package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reads a {@code text/event-stream} on its own thread and hands over its events in order, then
 * {@link #END} when the server ends the stream.
 */
final class EventReader implements AutoCloseable {
  /** An event of the stream. */
  record Event(String name, String id, String data) {
    JsonNode json() {
      return Http.json(data);
    }
  }

  /** Stands for the end of the stream. */
  static final Event END = new Event(null, null, null);

  final HttpResponse<Stream<String>> response;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Thread reader;
  private final Contract contract;
  private final List<Throwable> violations = new CopyOnWriteArrayList<>();

  EventReader(HttpResponse<Stream<String>> response, Contract contract) {
    this.response = response;
    this.contract = contract;
    this.reader = new Thread(this::read, "event-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    String name = null;
    String id = null;
    StringBuilder data = new StringBuilder();
    try (Stream<String> lines = response.body()) {
      Iterator<String> it = lines.iterator();
      while (it.hasNext()) {
        String line = it.next();
        if (line.isEmpty()) {
          if (data.length() > 0) {
            check(name, data.toString());
            events.add(new Event(name, id, data.toString()));
          }
          name = null;
          id = null;
          data.setLength(0);
        } else if (line.startsWith("event:")) {
          name = line.substring(6).trim();
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("data:")) {
          data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).trim());
        }
      }
    } catch (RuntimeException e) {
      // the test closed the stream
    } finally {
      events.add(END);
    }
  }

  /** The next event, waiting up to {@link Browser#PATIENCE}. */
  Event next() throws InterruptedException {
    Event event = events.poll(Browser.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(event).as("an event within %s", Browser.PATIENCE).isNotNull();
    return event;
  }

  /** The next {@code status} event's JSON. */
  JsonNode nextStatus() throws InterruptedException {
    Event event = next();
    assertThat(event).isNotEqualTo(END);
    assertThat(event.name()).isEqualTo("status");
    return event.json();
  }

  /** Checks an event's data against the document, keeping a failure for {@link #close()}. */
  private void check(String name, String data) {
    try {
      contract.checkEvent(name, data);
    } catch (AssertionError e) {
      violations.add(e);
    }
  }

  /** Closes the stream; fails if an event did not match the OpenAPI document. */
  @Override
  public void close() {
    response.body().close();
    assertThat(violations).as("events that the OpenAPI document does not describe").isEmpty();
  }
}
