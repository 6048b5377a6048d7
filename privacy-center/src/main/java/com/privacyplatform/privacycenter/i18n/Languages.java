package com.privacyplatform.privacycenter.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The languages the privacy center speaks ({@code privacy-center.languages}, the first one the
 * default), read from the message bundles at start-up: adding a language is adding its bundles and
 * its tag, never code (README, "Adding a language").
 */
@ApplicationScoped
@Named("languages")
public class Languages {

    public static final String COOKIE = "pc-lang";

    private final Map<String, Language> languages = new LinkedHashMap<>();

    public Languages(@ConfigProperty(name = "privacy-center.languages", defaultValue = "en") List<String> tags) {
        for (String tag : tags) {
            Locale locale = Locale.forLanguageTag(tag.strip());
            String normalized = locale.toLanguageTag();
            Map<String, String> texts = read("i18n/messages_" + normalized + ".properties", true);
            Map<String, String> reference = languages.isEmpty() ? Map.of()
                    : read("i18n/reference_" + normalized + ".properties", true);
            String name = texts.get("language.name");
            String accept = texts.get("language.accept");
            if (name == null || accept == null) {
                throw new IllegalStateException("i18n/messages_" + normalized
                        + ".properties needs language.name and language.accept");
            }
            languages.put(normalized, new Language(normalized, locale, name,
                    Arrays.stream(accept.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                    texts, reference));
        }
        if (languages.isEmpty()) {
            throw new IllegalStateException("privacy-center.languages names no language");
        }
    }

    /** A bundle as UTF-8 properties, keys sorted; {@code required} bundles must exist. */
    public static Map<String, String> read(String resource, boolean required) {
        try (InputStream in = Languages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                if (required) {
                    throw new IllegalStateException(resource + " is missing from the build");
                }
                return Map.of();
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new TreeMap<>();
            properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " is unreadable", e);
        }
    }

    public List<Language> all() {
        return List.copyOf(languages.values());
    }

    public Language byDefault() {
        return languages.values().iterator().next();
    }

    /** The language of this tag; null when the privacy center does not speak it. */
    public Language get(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        return languages.get(Locale.forLanguageTag(tag.strip()).toLanguageTag());
    }

    /**
     * The language for a request: the one the switcher chose (its cookie), else the first language
     * of the browser's {@code Accept-Language} (by weight) that the privacy center speaks, else the default.
     */
    public Language choose(String cookie, String acceptLanguage) {
        Language chosen = get(cookie);
        if (chosen != null) {
            return chosen;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage).stream()
                        .sorted(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed()).toList();
                for (Locale.LanguageRange range : ranges) {
                    if (range.getWeight() <= 0) {
                        continue;
                    }
                    if ("*".equals(range.getRange())) {
                        return byDefault();
                    }
                    for (Language language : languages.values()) {
                        if (language.answers(range.getRange())) {
                            return language;
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                return byDefault(); // a malformed header: the default language
            }
        }
        return byDefault();
    }
}
