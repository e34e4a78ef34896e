package io.github.asyncops.core;

import java.util.Map;

/**
 * Where and how an engine discovers worker providers.
 *
 * @param loader the class loader that {@link java.util.ServiceLoader} searches
 * @param settings where discovered providers read their settings
 * @param services the services discovered providers may use, by type
 */
record Discovery(ClassLoader loader, SettingsSource settings, Map<Class<?>, Object> services) {}
