package io.github.asyncops.jaxrs;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A resource of the application outside the adapter's base, which the adapter must not touch. */
@Path("other")
public class OtherResource {
  /** Creates the resource; the runtime does, per request. */
  public OtherResource() {}

  /**
   * Answers a plain text.
   *
   * @return "other"
   */
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String get() {
    return "other";
  }

  /**
   * Accepts a form-like text post, as a classic web page would.
   *
   * @param body the text
   * @return the text
   */
  @POST
  @Consumes(MediaType.TEXT_PLAIN)
  @Produces(MediaType.TEXT_PLAIN)
  public String post(String body) {
    return body;
  }
}
