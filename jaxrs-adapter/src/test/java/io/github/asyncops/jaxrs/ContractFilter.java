package io.github.asyncops.jaxrs;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every response that an {@link GrizzlyTest} receives against the OpenAPI document served by
 * the adapter it called ({@link Contract}), so the Grizzly tests keep the document honest as the
 * integration tests do. The document is read once per base path, from the same server; responses of
 * resources outside the adapter, which have no document, are left alone.
 */
final class ContractFilter implements ClientResponseFilter {
  private static final String DOCUMENT = "openapi.json";
  private final Map<String, Optional<Contract>> contracts = new ConcurrentHashMap<>();

  @Override
  public void filter(ClientRequestContext request, ClientResponseContext response)
      throws IOException {
    URI uri = request.getUri();
    String path = uri.getRawPath();
    if (path.endsWith("/" + DOCUMENT)) {
      return;
    }
    byte[] body = response.hasEntity() ? response.getEntityStream().readAllBytes() : new byte[0];
    response.setEntityStream(new ByteArrayInputStream(body));
    String base = path.replaceFirst("^(/[^/]*).*$", "$1");
    Optional<Contract> contract =
        contracts.computeIfAbsent(base, b -> read(request, uri.resolve(b + "/" + DOCUMENT)));
    contract.ifPresent(
        c ->
            c.check(
                request.getMethod(),
                uri,
                response.getStatus(),
                HttpHeaders.of(response.getHeaders(), (name, value) -> true),
                new String(body, StandardCharsets.UTF_8)));
  }

  private static Optional<Contract> read(ClientRequestContext request, URI document) {
    Response answer = request.getClient().target(document).request("application/json").get();
    if (answer.getStatus() != 200) {
      return Optional.empty();
    }
    return Optional.of(new Contract(answer.readEntity(String.class)));
  }
}
