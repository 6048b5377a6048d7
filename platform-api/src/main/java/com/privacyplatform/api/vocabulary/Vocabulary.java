package com.privacyplatform.api.vocabulary;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The platform's controlled vocabulary (API-CONVENTIONS.md "Vocabulary"): purposes with whether
 * they profile people or decide about them automatically (3.2.c), data categories with their
 * sensitive flag (2.2), legal bases, consent methods with whether they are express (2.4), transfer
 * mechanisms and jurisdictions - one versioned file used by every service.
 */
@RegisterForReflection(targets = {Vocabulary.Content.class, Vocabulary.Purpose.class, Vocabulary.DataCategory.class,
        Vocabulary.LegalBasis.class, Vocabulary.ConsentMethod.class, Vocabulary.TransferMechanism.class,
        Vocabulary.Jurisdiction.class})
public final class Vocabulary {

    private static final String RESOURCE = "/com/privacyplatform/api/vocabulary/vocabulary.json";
    private static final Vocabulary INSTANCE = load();

    /**
     * A purpose; {@code profiling}: it profiles the person or decides about them automatically, so
     * it needs the platform's authorization (3.2.c) at recording and at every check.
     * {@code survivesTermination}: the purpose is the subject's consent to keeping their data after
     * the partner's cooperation ends (3.5.d); it needs express consent and the termination does not
     * revoke it (absent in the file: false).
     */
    public record Purpose(String id, String title, boolean profiling, boolean survivesTermination,
            String description) {
    }

    public record DataCategory(String id, String title, boolean sensitive, String description) {
    }

    public record LegalBasis(String id, String title, String description) {
    }

    public record ConsentMethod(String id, String title, boolean express, String description) {
    }

    public record TransferMechanism(String id, String title, String description) {
    }

    public record Jurisdiction(String code, String name, String law) {
    }

    /** The file as published at {@code GET /vocabulary}. */
    public record Content(String version, String source, List<Purpose> purposes, List<DataCategory> dataCategories,
            List<LegalBasis> legalBases, List<ConsentMethod> consentMethods,
            List<TransferMechanism> transferMechanisms, List<Jurisdiction> jurisdictions) {
    }

    private final Content content;
    private final Map<String, Purpose> purposes;
    private final Map<String, DataCategory> categories;
    private final Map<String, LegalBasis> legalBases;
    private final Map<String, ConsentMethod> methods;
    private final Map<String, TransferMechanism> mechanisms;

    private Vocabulary(Content content) {
        this.content = content;
        this.purposes = index(content.purposes(), Purpose::id);
        this.categories = index(content.dataCategories(), DataCategory::id);
        this.legalBases = index(content.legalBases(), LegalBasis::id);
        this.methods = index(content.consentMethods(), ConsentMethod::id);
        this.mechanisms = index(content.transferMechanisms(), TransferMechanism::id);
    }

    public static Vocabulary get() {
        return INSTANCE;
    }

    public Content content() {
        return content;
    }

    public String version() {
        return content.version();
    }

    public boolean isPurpose(String id) {
        return id != null && purposes.containsKey(id);
    }

    public boolean isCategory(String id) {
        return id != null && categories.containsKey(id);
    }

    public boolean isLegalBasis(String id) {
        return id != null && legalBases.containsKey(id);
    }

    public boolean isTransferMechanism(String id) {
        return id != null && mechanisms.containsKey(id);
    }

    /**
     * 3.2.c: whether a purpose profiles people or decides about them automatically and therefore
     * needs the platform's authorization. Unknown purposes count as profiling (fail closed).
     */
    public boolean isProfiling(String purposeId) {
        Purpose purpose = purposeId == null ? null : purposes.get(purposeId);
        return purpose == null || purpose.profiling();
    }

    /** The purposes that need the platform's authorization (3.2.c), in the file's order. */
    public List<String> profilingPurposes() {
        return content.purposes().stream().filter(Purpose::profiling).map(Purpose::id).toList();
    }

    /**
     * 3.5.d: whether a purpose is the subject's consent to retention after the end of the
     * cooperation (express only; not revoked by the partner's termination). Unknown purposes: no.
     */
    public boolean survivesTermination(String purposeId) {
        Purpose purpose = purposeId == null ? null : purposes.get(purposeId);
        return purpose != null && purpose.survivesTermination();
    }

    /** The purposes that consent to retention after the end of the cooperation (3.5.d), in the file's order. */
    public List<String> retentionPurposes() {
        return content.purposes().stream().filter(Purpose::survivesTermination).map(Purpose::id).toList();
    }

    /** 2.2: whether a category is personal sensitive information. Unknown categories count as sensitive. */
    public boolean isSensitive(String categoryId) {
        DataCategory category = categories.get(categoryId);
        return category == null || category.sensitive();
    }

    public Optional<ConsentMethod> consentMethod(String id) {
        return Optional.ofNullable(id == null ? null : methods.get(id));
    }

    /** 2.4: ticking a box, clicking consent, signing; never pre-ticked boxes or implied consent. */
    public boolean isExpress(String methodId) {
        return consentMethod(methodId).map(ConsentMethod::express).orElse(false);
    }

    /** ISO 3166-1 alpha-2: any assigned code is accepted, not only the listed ones. */
    public static boolean isCountryCode(String code) {
        return code != null && code.length() == 2 && code.equals(code.toUpperCase(Locale.ROOT))
                && java.util.Set.of(Locale.getISOCountries()).contains(code);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity()));
    }

    private static Vocabulary load() {
        try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("vocabulary missing: " + RESOURCE);
            }
            ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
            return new Vocabulary(mapper.readValue(in, Content.class));
        } catch (IOException e) {
            throw new UncheckedIOException("vocabulary unreadable", e);
        }
    }
}
