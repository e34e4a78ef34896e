package io.github.asyncops.apiguard;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A published jar module as the guard reads it: its classes, found on the test class path under
 * {@code <directory>/target/} (the reactor's jar after {@code package}, or its classes directory),
 * and the packages it exports. A module with a {@code module-info} exports what the descriptor
 * exports to everyone; an automatic module exports every package, and its packages whose name
 * contains {@code internal} are taken as not meant for users.
 *
 * @param artifactId the Maven artifact, which names the record file
 * @param directory the module's directory, relative to the repository root
 */
record PublishedModule(String artifactId, String directory) {

  /** The module's record of its API: {@code <directory>/api/<artifactId>.api}. */
  Path record(Path root) {
    return root.resolve(directory).resolve("api").resolve(artifactId + ".api");
  }

  /** The module's public API lines ({@link ApiDump}) over its exported packages. */
  List<String> api(Path root) {
    Path location = location(root);
    List<String> classNames = classNames(location);
    Set<String> exported = exportedPackages(location, classNames);
    List<Class<?>> types = new ArrayList<>();
    for (String name : classNames) {
      int dot = name.lastIndexOf('.');
      if (dot > 0 && exported.contains(name.substring(0, dot))) {
        types.add(load(name));
      }
    }
    return ApiDump.of(types);
  }

  /** The class path entry that holds the module: a jar or a directory under its target. */
  Path location(Path root) {
    Path target = root.resolve(directory).resolve("target").toAbsolutePath().normalize();
    List<Path> found =
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(entry -> Path.of(entry).toAbsolutePath().normalize())
            .filter(entry -> entry.startsWith(target))
            .collect(Collectors.toList());
    if (found.size() != 1) {
      throw new IllegalStateException(
          artifactId + ": expected one class path entry under " + target + ", found " + found);
    }
    return found.get(0);
  }

  /** The packages that users may import, given all the module's class names. */
  Set<String> exportedPackages(Path location, List<String> classNames) {
    ModuleDescriptor descriptor = descriptor(location);
    if (descriptor != null) {
      return descriptor.exports().stream()
          .filter(exports -> !exports.isQualified())
          .map(ModuleDescriptor.Exports::source)
          .collect(Collectors.toCollection(TreeSet::new));
    }
    return classNames.stream()
        .filter(name -> name.lastIndexOf('.') > 0)
        .map(name -> name.substring(0, name.lastIndexOf('.')))
        .filter(name -> !name.contains("internal"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static ModuleDescriptor descriptor(Path location) {
    try {
      if (Files.isDirectory(location)) {
        Path file = location.resolve("module-info.class");
        if (!Files.exists(file)) {
          return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
          return ModuleDescriptor.read(in);
        }
      }
      try (ZipFile jar = new ZipFile(location.toFile())) {
        ZipEntry entry = jar.getEntry("module-info.class");
        if (entry == null) {
          return null;
        }
        try (InputStream in = jar.getInputStream(entry)) {
          return ModuleDescriptor.read(in);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The binary names of the classes at {@code location}, descriptors left out. */
  private static List<String> classNames(Path location) {
    List<String> files;
    try {
      if (Files.isDirectory(location)) {
        try (Stream<Path> walk = Files.walk(location)) {
          files =
              walk.filter(Files::isRegularFile)
                  .map(
                      file -> location.relativize(file).toString().replace(File.separatorChar, '/'))
                  .collect(Collectors.toList());
        }
      } else {
        try (ZipFile jar = new ZipFile(location.toFile())) {
          files = jar.stream().map(ZipEntry::getName).collect(Collectors.toList());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files.stream()
        .filter(file -> file.endsWith(".class") && !file.startsWith("META-INF/"))
        .filter(file -> !file.endsWith("module-info.class") && !file.endsWith("package-info.class"))
        .map(file -> file.substring(0, file.length() - ".class".length()).replace('/', '.'))
        .sorted()
        .collect(Collectors.toList());
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, PublishedModule.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Cannot load " + name, e);
    }
  }
}
