/**
 * asyncops on Grizzly: the errors that Grizzly and Jersey's Grizzly container answer before the
 * adapter sees a request become {@code application/problem+json}. Start at {@link
 * io.github.asyncops.grizzly.GrizzlyProblems}.
 */
module io.github.asyncops.grizzly {
  requires transitive org.glassfish.grizzly.http.server;
  requires org.glassfish.grizzly;
  requires org.glassfish.grizzly.http;
  requires com.fasterxml.jackson.databind;

  exports io.github.asyncops.grizzly;
}
