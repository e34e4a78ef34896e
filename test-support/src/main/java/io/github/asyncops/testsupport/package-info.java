/**
 * Helpers that several modules' tests share, in one copy: {@link
 * io.github.asyncops.testsupport.RawHttp} sends requests exactly as given, and {@link
 * io.github.asyncops.testsupport.HostileRequests} generates hostile ones and checks their answers.
 * The README's {@code ReportProvider} comes with them, from core's examples. Not published.
 */
package io.github.asyncops.testsupport;
