/**
 * Problem+json answers for what Grizzly refuses itself. Start at {@link
 * io.github.asyncops.grizzly.GrizzlyProblems#install(org.glassfish.grizzly.http.server.HttpServer)},
 * the only entry point; everything else here is package-private.
 */
package io.github.asyncops.grizzly;
