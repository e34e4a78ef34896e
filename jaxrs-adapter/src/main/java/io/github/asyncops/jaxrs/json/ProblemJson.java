package io.github.asyncops.jaxrs.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;

/**
 * An error as {@code application/problem+json} (RFC 9457). Members that are null are left out.
 *
 * @param type identifies the kind of problem; {@code about:blank} for plain HTTP errors
 * @param title a short summary of the kind of problem, the same for every occurrence
 * @param status the HTTP status code
 * @param detail what went wrong this time, safe to show people
 * @param field for invalid parameters, the offending field (for example {@code rows} or {@code
 *     items[2].name}), otherwise null
 * @param operation for a start refused because one is already active, that operation if the caller
 *     may see it, otherwise null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemJson(
    URI type, String title, int status, String detail, String field, StatusJson operation) {}
