package io.github.asyncops.jaxrs.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The start-up check for event support: Jersey without {@code jersey-media-sse} is refused with the
 * dependency to add; Jersey with it, and runtimes that are not Jersey, pass. Class loaders that
 * hide packages stand in for the class paths.
 */
final class SseSupportTest {

  @Test
  void jersey_without_its_sse_module_is_refused_naming_the_dependency() {
    ClassLoader withoutSse = new Hiding("org.glassfish.jersey.media.sse.");

    assertThatThrownBy(() -> SseSupport.check(withoutSse))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("org.glassfish.jersey.media:jersey-media-sse");
  }

  @Test
  void jersey_with_its_sse_module_passes() {
    assertThatCode(() -> SseSupport.check(getClass().getClassLoader())).doesNotThrowAnyException();
  }

  @Test
  void a_runtime_other_than_jersey_passes() {
    ClassLoader noJersey = new Hiding("org.glassfish.jersey.");

    assertThatCode(() -> SseSupport.check(noJersey)).doesNotThrowAnyException();
  }

  /** The test class path without the classes of one package prefix. */
  private static final class Hiding extends ClassLoader {
    private final String prefix;

    Hiding(String prefix) {
      super(SseSupportTest.class.getClassLoader());
      this.prefix = prefix;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith(prefix)) {
        throw new ClassNotFoundException(name);
      }
      return super.loadClass(name, resolve);
    }
  }
}
