/**
 * The demo's worker plugins: {@link io.github.asyncops.demo.MissileLaunchProvider} and {@link
 * io.github.asyncops.demo.CsvExportProvider}, configured through their settings.
 */
package io.github.asyncops.demo;
