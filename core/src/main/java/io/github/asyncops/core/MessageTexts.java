package io.github.asyncops.core;

import io.github.asyncops.core.spi.MessageRenderer;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders messages in a language: finds the pattern in the bundles of the operation type's provider
 * and formats it with the renderer. A key no bundle has, or a pattern the renderer refuses, shows
 * as the key itself, logged once per key.
 *
 * <p>A bundle is loaded through the provider's class loader, or from the provider's module when it
 * is named (the bundle's package then opens to {@code io.github.asyncops.core}). A bundle for a
 * language counts only when its language is the one asked for: {@link ResourceBundle} otherwise
 * falls back to the JVM's default locale, which says nothing about the viewer.
 */
final class MessageTexts {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.core");

  /** The most keys logged as missing, and of language lists remembered; past it, they reset. */
  private static final int REMEMBERED = 1_000;

  private final MessageRenderer renderer;
  private final Locale defaultLocale;
  private final boolean defaultLocaleSet;
  private final Map<String, TypeBundles> bundles = new ConcurrentHashMap<>();
  private final Map<List<Locale>, Locale> chosen = new ConcurrentHashMap<>();
  private final Set<String> missingLogged = ConcurrentHashMap.newKeySet();

  MessageTexts(
      MessageRenderer renderer,
      Locale defaultLocale,
      boolean defaultLocaleSet,
      Collection<RegisteredType> types) {
    this.renderer = renderer;
    this.defaultLocale = defaultLocale;
    this.defaultLocaleSet = defaultLocaleSet;
    for (RegisteredType rt : types) {
      String base = rt.messages();
      if (base != null) {
        bundles.put(rt.type.name(), new TypeBundles(base, rt.providerType()));
      }
    }
  }

  /** The language texts are rendered in without a viewer: snapshots, stores and logs. */
  Locale defaultLocale() {
    return defaultLocale;
  }

  /**
   * The language to name for a viewer's texts: the chosen one when some provider has bundles, else
   * the default locale only if it was set, since plain texts are in whatever language their workers
   * wrote.
   */
  Optional<Locale> language(List<Locale> preferred) {
    if (!bundles.isEmpty()) {
      return Optional.of(choose(preferred));
    }
    return defaultLocaleSet ? Optional.of(defaultLocale) : Optional.empty();
  }

  /**
   * The first of the preferred locales whose language some provider's bundles have, or the default
   * locale.
   */
  Locale choose(List<Locale> preferred) {
    if (preferred.isEmpty() || bundles.isEmpty()) {
      return defaultLocale;
    }
    Locale known = chosen.get(preferred);
    if (known != null) {
      return known;
    }
    Locale locale = defaultLocale;
    search:
    for (Locale wanted : preferred) {
      if (wanted.getLanguage().isEmpty() || wanted.getLanguage().equals("*")) {
        continue;
      }
      if (wanted.getLanguage().equals(defaultLocale.getLanguage())) {
        locale = defaultLocale;
        break;
      }
      for (TypeBundles b : bundles.values()) {
        if (b.bundle(wanted, true).isPresent()) {
          locale = Locale.forLanguageTag(wanted.getLanguage());
          break search;
        }
      }
    }
    if (chosen.size() >= REMEMBERED) {
      chosen.clear();
    }
    chosen.put(List.copyOf(preferred), locale);
    return locale;
  }

  /** Renders in the default language. */
  String render(String type, Message message) {
    return render(type, message, defaultLocale);
  }

  /**
   * Renders a message of an operation type in a language, falling back to the default language's
   * bundle, then to the key.
   */
  String render(String type, Message message, Locale locale) {
    return render(type, message, locale, null);
  }

  /**
   * Renders a message as {@link #render(String, Message, Locale)} does, except on a node that has
   * no bundles for the type (a node that only starts and follows it): there it shows {@code
   * stored}, the text the running node rendered in its default language, if there is one.
   */
  String render(String type, Message message, Locale locale, String stored) {
    TypeBundles b = bundles.get(type);
    if (b == null && stored != null) {
      return stored;
    }
    String pattern = null;
    if (b != null) {
      pattern =
          b.pattern(locale, true, message.key())
              .or(() -> b.pattern(defaultLocale, false, message.key()))
              .orElse(null);
    }
    if (pattern == null) {
      logOnce(type, message.key(), "has no pattern for the key", null);
      return message.key();
    }
    try {
      return renderer.format(pattern, message, locale);
    } catch (RuntimeException e) {
      logOnce(type, message.key(), "could not format its pattern", e);
      return message.key();
    }
  }

  private void logOnce(String type, String key, String problem, Throwable e) {
    if (missingLogged.size() >= REMEMBERED) {
      missingLogged.clear();
    }
    if (missingLogged.add(type + "\u0000" + key)) {
      LOG.log(
          Level.WARNING,
          "message key '"
              + key
              + "' of operation type '"
              + type
              + "' "
              + problem
              + "; showing the key itself",
          e);
    }
  }

  /** One provider's bundles, by language. */
  private static final class TypeBundles {
    private final String base;
    private final Class<?> provider;
    private final Map<Locale, Optional<ResourceBundle>> byLocale = new ConcurrentHashMap<>();

    TypeBundles(String base, Class<?> provider) {
      this.base = base;
      this.provider = provider;
    }

    Optional<String> pattern(Locale locale, boolean sameLanguage, String key) {
      return bundle(locale, sameLanguage)
          .flatMap(
              b -> {
                try {
                  return Optional.of(b.getString(key));
                } catch (MissingResourceException e) {
                  return Optional.empty();
                }
              });
    }

    /**
     * The bundle {@link ResourceBundle#getBundle} finds for the locale; with {@code sameLanguage},
     * only if it is of the locale's language rather than a fallback.
     */
    Optional<ResourceBundle> bundle(Locale locale, boolean sameLanguage) {
      Optional<ResourceBundle> found = byLocale.get(locale);
      if (found == null) {
        found = load(locale);
        if (byLocale.size() < REMEMBERED) {
          byLocale.put(locale, found);
        }
      }
      return sameLanguage
          ? found.filter(b -> b.getLocale().getLanguage().equals(locale.getLanguage()))
          : found;
    }

    private Optional<ResourceBundle> load(Locale locale) {
      try {
        Module module = provider.getModule();
        return Optional.of(
            module.isNamed()
                ? ResourceBundle.getBundle(base, locale, module)
                : ResourceBundle.getBundle(base, locale, provider.getClassLoader()));
      } catch (MissingResourceException e) {
        return Optional.empty();
      }
    }
  }
}
