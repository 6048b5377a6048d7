package com.privacyplatform.privacycenter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.privacycenter.i18n.Languages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The message bundles (README "Adding a language"): every language has every text of the default
 * language and no other, translates every entry of the platform's vocabulary and deadline table, and
 * a text that reads exactly as in the default language is one of the few names that stay as they are.
 * Every text the templates and the code ask for exists. Plain unit test over the build's resources.
 */
class MessageBundlesTest {

    /** Names that read the same in every language (laws' and formats' own names). */
    static final Set<String> NAMES = Set.of("JSON", "JWS", "SHA-256", "UTC", "GDPR", "UK GDPR", "PDPA", "PDPO",
            "APPI", "PIPA", "LGPD", "CCPA");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEMPLATE_KEY = Pattern.compile("w\\.(t|count)\\('([^']+)'");
    private static final Pattern CODE_KEY = Pattern.compile("w\\.(t|count)\\(\"([a-z][A-Za-z]*\\.[^\"]+)\"");

    static List<String> languages() throws IOException {
        Properties config = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/application.properties")) {
            config.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return Arrays.stream(config.getProperty("privacy-center.languages").split(",")).map(String::strip).toList();
    }

    @Test
    void everyLanguageHasExactlyTheTextsOfTheDefaultLanguage() throws IOException {
        List<String> tags = languages();
        assertThat(tags).contains("en", "zh-CN");
        Map<String, String> reference = Languages.read("i18n/messages_" + tags.get(0) + ".properties", true);
        for (String tag : tags.subList(1, tags.size())) {
            Map<String, String> texts = Languages.read("i18n/messages_" + tag + ".properties", true);
            assertThat(new TreeSet<>(texts.keySet())).as("keys of " + tag + " against " + tags.get(0))
                    .isEqualTo(new TreeSet<>(reference.keySet()));
        }
        assertThat(new Languages(tags).all()).extracting(l -> l.tag()).containsExactlyElementsOf(tags);
    }

    @Test
    @Verifies("1.1")
    void aTranslatedTextNeverReadsAsTheDefaultLanguagesOneUnlessItIsAName() throws IOException {
        List<String> tags = languages();
        Map<String, String> reference = Languages.read("i18n/messages_" + tags.get(0) + ".properties", true);
        for (String tag : tags.subList(1, tags.size())) {
            Map<String, String> texts = Languages.read("i18n/messages_" + tag + ".properties", true);
            List<String> untranslated = new ArrayList<>();
            texts.forEach((key, text) -> {
                if (text.strip().equals(reference.getOrDefault(key, "").strip()) && !NAMES.contains(text.strip())) {
                    untranslated.add(key + "=" + text);
                }
            });
            assertThat(untranslated).as("texts of " + tag + " that read as in " + tags.get(0)).isEmpty();
        }
    }

    @Test
    @Verifies("1.1")
    void everyLanguageTranslatesEveryVocabularyTermJurisdictionAndDeadlineRule() throws IOException {
        Map<String, String> source = referenceSource();
        List<String> tags = languages();
        for (String tag : tags.subList(1, tags.size())) {
            Map<String, String> translated = Languages.read("i18n/reference_" + tag + ".properties", true);
            assertThat(new TreeSet<>(translated.keySet())).as("reference keys of " + tag)
                    .isEqualTo(new TreeSet<>(source.keySet()));
            List<String> untranslated = new ArrayList<>();
            translated.forEach((key, text) -> {
                if (text.strip().equals(source.get(key)) && !NAMES.contains(text.strip())) {
                    untranslated.add(key + "=" + text);
                }
            });
            assertThat(untranslated).as("reference texts of " + tag + " left in English").isEmpty();
        }
    }

    @Test
    void everyTextTheTemplatesAndTheCodeAskForExists() throws IOException {
        Map<String, String> texts = Languages.read("i18n/messages_" + languages().get(0) + ".properties", true);
        List<String> missing = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/resources/templates"), Path.of("src/main/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = (file.toString().endsWith(".html") ? TEMPLATE_KEY : CODE_KEY)
                            .matcher(Files.readString(file));
                    while (m.find()) {
                        String key = m.group(2);
                        if (key.endsWith(".")) {
                            continue; // a prefix the code completes with a code (e.g. problem.title.<status>)
                        }
                        List<String> needed = "count".equals(m.group(1)) ? List.of(key + ".one", key + ".other")
                                : List.of(key);
                        needed.stream().filter(k -> !texts.containsKey(k)).forEach(k -> missing.add(file + ": " + k));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** The texts the reference bundles translate, by key, in the platform's own (English) words. */
    static Map<String, String> referenceSource() throws IOException {
        Map<String, String> source = new java.util.TreeMap<>();
        JsonNode vocabulary = json("/com/privacyplatform/api/vocabulary/vocabulary.json");
        Map<String, String> kinds = Map.of("purposes", "purpose", "dataCategories", "category",
                "legalBases", "legalBasis", "consentMethods", "method");
        kinds.forEach((list, kind) -> vocabulary.get(list).forEach(term -> {
            source.put(kind + "." + term.get("id").asText() + ".title", term.get("title").asText());
            source.put(kind + "." + term.get("id").asText() + ".description", term.get("description").asText());
        }));
        vocabulary.get("jurisdictions").forEach(j -> {
            source.put("jurisdiction." + j.get("code").asText() + ".name", j.get("name").asText());
            source.put("jurisdiction." + j.get("code").asText() + ".law", j.get("law").asText());
        });
        json("/reference/deadline-policies.json").get("policies").forEach(p -> {
            String id = p.get("id").asText();
            source.put("deadline." + id + ".law", p.get("law").asText());
            source.put("deadline." + id + ".note", p.get("note").asText());
            if (!p.get("countries").isEmpty()) {
                source.put("deadline." + id + ".short", id.replace('_', ' '));
            }
        });
        return source;
    }

    private static JsonNode json(String resource) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        }
    }
}
