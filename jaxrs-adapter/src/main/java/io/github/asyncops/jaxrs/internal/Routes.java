package io.github.asyncops.jaxrs.internal;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resource class's routes below the base, read from its annotations and ordered as JAX-RS
 * matches them, so that a 405 can name the allowed methods on every runtime: Quarkus REST sends a
 * 405 with no {@code Allow} and leaves {@code getAllowedMethods()} empty.
 */
final class Routes {
  /** A template variable: its name and, after a colon, an optional regular expression. */
  private static final Pattern VARIABLE = Pattern.compile("\\{\\s*[^}:\\s]+\\s*(?::\\s*([^}]*))?}");

  /** One template and the methods declared on it. */
  private record Route(
      String template,
      Pattern pattern,
      int literals,
      int variables,
      int regexes,
      Set<String> methods) {
    /** JAX-RS 4.0, section 3.7.2, step 2(f): the order in which templates are tried. */
    static final Comparator<Route> PRECEDENCE =
        Comparator.comparingInt(Route::literals)
            .thenComparingInt(Route::variables)
            .thenComparingInt(Route::regexes)
            .reversed();
  }

  private final List<Route> routes;

  private Routes(List<Route> routes) {
    this.routes = routes;
  }

  /**
   * Reads a resource class's routes: its public methods with an HTTP method annotation.
   *
   * @param resource the root resource class
   * @return its routes
   */
  static Routes of(Class<?> resource) {
    Map<String, Set<String>> methods = new LinkedHashMap<>();
    for (Method method : resource.getMethods()) {
      String verb = httpMethod(method);
      if (verb != null) {
        Path path = method.getAnnotation(Path.class);
        String template = path == null ? "" : trimSlashes(path.value());
        methods.computeIfAbsent(template, t -> new TreeSet<>()).add(verb);
      }
    }
    List<Route> routes = new ArrayList<>();
    methods.forEach((template, verbs) -> routes.add(route(template, verbs)));
    routes.sort(Route.PRECEDENCE);
    return new Routes(routes);
  }

  /**
   * The template that a path below the base matches, as JAX-RS selects it.
   *
   * @param below the path below the base, without leading slash; empty for the base itself
   * @return the template, or null if none matches
   */
  String template(String below) {
    Route route = match(below);
    return route == null ? null : route.template();
  }

  /**
   * The methods allowed at a path below the base: those declared on its template, HEAD where GET is
   * (the runtime answers it), and OPTIONS (the runtime answers it everywhere).
   *
   * @param below the path below the base, without leading slash; empty for the base itself
   * @return the methods in alphabetical order, or an empty set if no template matches
   */
  Set<String> allowed(String below) {
    Route route = match(below);
    Set<String> allowed = new TreeSet<>();
    if (route != null) {
      allowed.addAll(route.methods());
      if (allowed.contains(HttpMethod.GET)) {
        allowed.add(HttpMethod.HEAD);
      }
      allowed.add(HttpMethod.OPTIONS);
    }
    return allowed;
  }

  private Route match(String below) {
    for (Route route : routes) {
      if (route.pattern().matcher(below).matches()) {
        return route;
      }
    }
    return null;
  }

  private static Route route(String template, Set<String> methods) {
    StringBuilder regex = new StringBuilder();
    int literals = 0;
    int variables = 0;
    int regexes = 0;
    Matcher variable = VARIABLE.matcher(template);
    int at = 0;
    while (variable.find()) {
      String literal = template.substring(at, variable.start());
      literals += literal.length();
      regex.append(Pattern.quote(literal));
      variables++;
      String own = variable.group(1);
      if (own != null && !own.isBlank()) {
        regexes++;
        regex.append("(?:").append(own.strip()).append(')');
      } else {
        regex.append("[^/]+");
      }
      at = variable.end();
    }
    String tail = template.substring(at);
    literals += tail.length();
    regex.append(Pattern.quote(tail));
    // A trailing slash matches too (section 3.7.3: the final capturing group may be "/").
    regex.append("/?");
    return new Route(
        template, Pattern.compile(regex.toString()), literals, variables, regexes, methods);
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (verb != null) {
        return verb.value();
      }
    }
    return null;
  }

  private static String trimSlashes(String value) {
    String trimmed = value.strip();
    while (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }
}
