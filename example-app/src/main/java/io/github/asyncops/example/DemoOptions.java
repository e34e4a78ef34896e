package io.github.asyncops.example;

import java.time.Duration;
import java.util.List;

/**
 * The demo's command-line options.
 *
 * @param port the HTTP port, 0 for any free one; default 8080
 * @param flight how long a missile flight takes; default 120 seconds
 * @param language the language of texts; default Russian, as in the seed
 */
public record DemoOptions(int port, Duration flight, Language language) {

  /** The usage text printed for {@code --help} and after a bad option. */
  public static final String USAGE =
      """
      usage: java -jar asyncops-demo.jar [--port N] [--flight-seconds N] [--lang ru|en]
        --port N            HTTP port (default 8080, 0 for any free port)
        --flight-seconds N  length of a missile flight in seconds (default 120)
        --lang ru|en        language of the texts (default ru)
      """;

  /**
   * The defaults.
   *
   * @return port 8080, a 120-second flight, Russian
   */
  public static DemoOptions defaults() {
    return new DemoOptions(8080, Duration.ofSeconds(120), Language.RU);
  }

  /**
   * Parses command-line arguments.
   *
   * @param args the arguments
   * @return the options
   * @throws IllegalArgumentException naming the bad option
   */
  public static DemoOptions parse(List<String> args) {
    DemoOptions options = defaults();
    for (int i = 0; i < args.size(); i++) {
      String name = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException("option " + name + " needs a value");
      }
      String value = args.get(++i);
      options =
          switch (name) {
            case "--port" -> options.withPort(number(name, value, 0, 65_535));
            case "--flight-seconds" ->
                options.withFlight(Duration.ofSeconds(number(name, value, 1, 86_400)));
            case "--lang" -> new DemoOptions(options.port, options.flight, Language.of(value));
            default -> throw new IllegalArgumentException("unknown option " + name);
          };
    }
    return options;
  }

  /**
   * Copies with another port.
   *
   * @param newPort the port
   * @return the copy
   */
  public DemoOptions withPort(int newPort) {
    return new DemoOptions(newPort, flight, language);
  }

  /**
   * Copies with another flight length.
   *
   * @param newFlight the flight length
   * @return the copy
   */
  public DemoOptions withFlight(Duration newFlight) {
    return new DemoOptions(port, newFlight, language);
  }

  private static int number(String name, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below, with the range
    }
    throw new IllegalArgumentException(
        name + " must be a whole number from " + min + " to " + max + ", was '" + value + "'");
  }
}
