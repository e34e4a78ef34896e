package io.github.asyncops.example;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The demo's command-line options.
 *
 * @param port the HTTP port, 0 for any free one; default 8080
 * @param flight how long a missile flight takes; default 120 seconds
 * @param language the language of texts; default Russian, as in the seed
 * @param jdbcUrl the database that keeps operations, or null for memory (the default)
 * @param jdbcUser the database user, or null
 * @param jdbcPassword the database password, or null
 * @param nodeId this node's name among nodes sharing a database, or null for a random one
 * @param plugins a directory of worker plugin jars to load, or null for the class path only; a web
 *     node loads none
 * @param runsWorkers false for a web node that starts, stops and follows operations that worker
 *     nodes sharing its database run: it declares the demo's types ({@link WebNodeTypes}) instead
 *     of loading worker plugins, so it needs no plugin jar
 * @param corsOrigin the one other origin (such as {@code http://localhost:5173}) whose pages may
 *     call the API with the caller's cookies, or null for none (the default): the page is best
 *     served from the API's own origin
 * @param adminPassword the password of the operator console at {@code /admin}, or null for a random
 *     one that the demo prints at start-up
 */
public record DemoOptions(
    int port,
    Duration flight,
    Language language,
    String jdbcUrl,
    String jdbcUser,
    String jdbcPassword,
    String nodeId,
    Path plugins,
    boolean runsWorkers,
    String corsOrigin,
    String adminPassword) {

  /** The usage text printed for {@code --help} and after a bad option. */
  public static final String USAGE =
      """
      usage: java -jar asyncops-demo.jar [--port N] [--flight-seconds N] [--lang ru|en]
                 [--jdbc-url URL [--jdbc-user U] [--jdbc-password P]] [--node-id NAME]
                 [--plugins DIR] [--workers on|off] [--cors-origin URL]
                 [--admin-password P]
        --port N            HTTP port (default 8080, 0 for any free port)
        --flight-seconds N  length of a missile flight in seconds (default 120)
        --lang ru|en        default language, for browsers that prefer neither (default ru)
        --jdbc-url URL      keep operations in PostgreSQL or H2 instead of memory
        --jdbc-user U       database user
        --jdbc-password P   database password
        --node-id NAME      this node's name when several share one database
        --plugins DIR       also load the worker plugins in DIR's jar files
        --workers on|off    off: a web node that starts, stops and follows operations
                            that worker nodes on the same database run; it declares
                            the demo's types and loads no plugins (default on)
        --cors-origin URL   let pages of this origin (scheme://host:port) call the API
                            with cookies (CORS with credentials; default none)
        --admin-password P  password of the operator console at /admin (default: a
                            random one, printed at start-up)
      """;

  /**
   * The defaults.
   *
   * @return port 8080, a 120-second flight, Russian, a random admin password
   */
  public static DemoOptions defaults() {
    return new DemoOptions(
        8080, Duration.ofSeconds(120), Language.RU, null, null, null, null, null, true, null, null);
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
            case "--lang" -> options.withLanguage(Language.of(value));
            case "--jdbc-url" -> options.withJdbc(value, options.jdbcUser, options.jdbcPassword);
            case "--jdbc-user" -> options.withJdbc(options.jdbcUrl, value, options.jdbcPassword);
            case "--jdbc-password" -> options.withJdbc(options.jdbcUrl, options.jdbcUser, value);
            case "--node-id" -> options.withNodeId(value);
            case "--plugins" -> options.withPlugins(directory(name, value));
            case "--workers" -> options.withWorkers(onOff(name, value));
            case "--cors-origin" -> options.withCorsOrigin(origin(name, value));
            case "--admin-password" -> options.withAdminPassword(password(name, value));
            default -> throw new IllegalArgumentException("unknown option " + name);
          };
    }
    if (!options.runsWorkers && options.jdbcUrl == null) {
      throw new IllegalArgumentException(
          "--workers off needs --jdbc-url: a node without workers leaves its operations to the"
              + " worker nodes that share its database");
    }
    if (!options.runsWorkers && options.plugins != null) {
      throw new IllegalArgumentException(
          "--plugins does not go with --workers off: a web node declares the demo's types and"
              + " loads no plugins; give the plugins to the worker nodes");
    }
    return options;
  }

  /**
   * Copies with or without workers.
   *
   * @param newRunsWorkers false for a web node that runs no operations itself
   * @return the copy
   */
  public DemoOptions withWorkers(boolean newRunsWorkers) {
    return new DemoOptions(
        port,
        flight,
        language,
        jdbcUrl,
        jdbcUser,
        jdbcPassword,
        nodeId,
        plugins,
        newRunsWorkers,
        corsOrigin,
        adminPassword);
  }

  /**
   * Copies with another origin allowed to call the API with cookies.
   *
   * @param newCorsOrigin the origin, such as {@code http://localhost:5173}, or null for none
   * @return the copy
   */
  public DemoOptions withCorsOrigin(String newCorsOrigin) {
    return new DemoOptions(
        port,
        flight,
        language,
        jdbcUrl,
        jdbcUser,
        jdbcPassword,
        nodeId,
        plugins,
        runsWorkers,
        newCorsOrigin,
        adminPassword);
  }

  /**
   * Copies with another password of the operator console.
   *
   * @param newAdminPassword the password, or null for a random one printed at start-up
   * @return the copy
   */
  public DemoOptions withAdminPassword(String newAdminPassword) {
    return new DemoOptions(
        port,
        flight,
        language,
        jdbcUrl,
        jdbcUser,
        jdbcPassword,
        nodeId,
        plugins,
        runsWorkers,
        corsOrigin,
        newAdminPassword);
  }

  private static String password(String name, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  private static String origin(String name, String value) {
    if (!value.matches("https?://[^/?#\\s]+")) {
      throw new IllegalArgumentException(
          name + " must be an origin such as http://localhost:5173, was '" + value + "'");
    }
    return value;
  }

  private static boolean onOff(String name, String value) {
    return switch (value) {
      case "on" -> true;
      case "off" -> false;
      default ->
          throw new IllegalArgumentException(name + " must be on or off, was '" + value + "'");
    };
  }

  /**
   * Copies with another port.
   *
   * @param newPort the port
   * @return the copy
   */
  public DemoOptions withPort(int newPort) {
    return new DemoOptions(
        newPort,
        flight,
        language,
        jdbcUrl,
        jdbcUser,
        jdbcPassword,
        nodeId,
        plugins,
        runsWorkers,
        corsOrigin,
        adminPassword);
  }

  /**
   * Copies with another flight length.
   *
   * @param newFlight the flight length
   * @return the copy
   */
  public DemoOptions withFlight(Duration newFlight) {
    return new DemoOptions(
        port,
        newFlight,
        language,
        jdbcUrl,
        jdbcUser,
        jdbcPassword,
        nodeId,
        plugins,
        runsWorkers,
        corsOrigin,
        adminPassword);
  }

  /**
   * Copies with another language.
   *
   * @param newLanguage the language
   * @return the copy
   */
  public DemoOptions withLanguage(Language newLanguage) {
    return new DemoOptions(
        port,
        flight,
        newLanguage,
        jdbcUrl,
        jdbcUser,
        jdbcPassword,
        nodeId,
        plugins,
        runsWorkers,
        corsOrigin,
        adminPassword);
  }

  /**
   * Copies with another database.
   *
   * @param url the JDBC URL, or null for memory
   * @param user the user, or null
   * @param password the password, or null
   * @return the copy
   */
  public DemoOptions withJdbc(String url, String user, String password) {
    return new DemoOptions(
        port,
        flight,
        language,
        url,
        user,
        password,
        nodeId,
        plugins,
        runsWorkers,
        corsOrigin,
        adminPassword);
  }

  /**
   * Copies with another node name.
   *
   * @param newNodeId the name, or null for a random one
   * @return the copy
   */
  public DemoOptions withNodeId(String newNodeId) {
    return new DemoOptions(
        port,
        flight,
        language,
        jdbcUrl,
        jdbcUser,
        jdbcPassword,
        newNodeId,
        plugins,
        runsWorkers,
        corsOrigin,
        adminPassword);
  }

  /**
   * Copies with another plugin directory.
   *
   * @param newPlugins the directory, or null for none
   * @return the copy
   */
  public DemoOptions withPlugins(Path newPlugins) {
    return new DemoOptions(
        port,
        flight,
        language,
        jdbcUrl,
        jdbcUser,
        jdbcPassword,
        nodeId,
        newPlugins,
        runsWorkers,
        corsOrigin,
        adminPassword);
  }

  private static Path directory(String name, String value) {
    Path dir = Path.of(value);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(name + " must name a directory, was '" + value + "'");
    }
    return dir;
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
