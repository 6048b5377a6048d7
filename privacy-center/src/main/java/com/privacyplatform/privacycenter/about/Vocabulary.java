package com.privacyplatform.privacycenter.about;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateData;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The platform's vocabulary (platform-commons {@code vocabulary.json}, copied in at build time):
 * plain-language titles and explanations of purposes, data categories, legal bases and consent
 * methods (1.1: the user's right to know, in plain and understandable language).
 */
@ApplicationScoped
@Named("vocab")
public class Vocabulary {

    @TemplateData
    @RegisterForReflection
    public record Term(String id, String title, String description, Boolean sensitive, Boolean express) {

        public boolean isSensitive() {
            return Boolean.TRUE.equals(sensitive);
        }
    }

    @TemplateData
    @RegisterForReflection
    public record Jurisdiction(String code, String name, String law) {
    }

    @RegisterForReflection
    public record Document(String version, List<Term> purposes, List<Term> dataCategories, List<Term> legalBases,
            List<Term> consentMethods, List<Jurisdiction> jurisdictions) {
    }

    private final Document document;
    private final Map<String, Term> purposes;
    private final Map<String, Term> categories;
    private final Map<String, Term> legalBases;
    private final Map<String, Term> methods;

    public Vocabulary() {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try (InputStream in = Vocabulary.class.getResourceAsStream("/reference/vocabulary.json")) {
            if (in == null) {
                throw new IllegalStateException("reference/vocabulary.json is missing from the build");
            }
            this.document = json.readValue(in, Document.class);
        } catch (IOException e) {
            throw new UncheckedIOException("reference/vocabulary.json is unreadable", e);
        }
        this.purposes = index(document.purposes());
        this.categories = index(document.dataCategories());
        this.legalBases = index(document.legalBases());
        this.methods = index(document.consentMethods());
    }

    private static Map<String, Term> index(List<Term> terms) {
        return terms.stream().collect(Collectors.toUnmodifiableMap(Term::id, Function.identity()));
    }

    public String version() {
        return document.version();
    }

    public List<Term> purposes() {
        return document.purposes();
    }

    public List<Term> categories() {
        return document.dataCategories();
    }

    public List<Term> legalBases() {
        return document.legalBases();
    }

    public List<Term> methods() {
        return document.consentMethods();
    }

    public List<Jurisdiction> jurisdictions() {
        return document.jurisdictions();
    }

    public boolean isJurisdiction(String code) {
        return document.jurisdictions().stream().anyMatch(j -> j.code().equals(code));
    }

    /** "China (PIPL)" for CN; a code the vocabulary does not know is shown as it is. */
    public String jurisdiction(String code) {
        return document.jurisdictions().stream().filter(j -> j.code().equals(code)).findFirst()
                .map(j -> j.name() + " (" + j.law() + ")").orElse(code == null ? "" : code);
    }

    public boolean isCategory(String id) {
        return categories.containsKey(id);
    }

    /** A title for an id; an id the vocabulary does not know is shown as it is. */
    public String purpose(String id) {
        return title(purposes, id);
    }

    public String category(String id) {
        return title(categories, id);
    }

    public String legalBasis(String id) {
        return title(legalBases, id);
    }

    public String method(String id) {
        return title(methods, id);
    }

    public String purposeDescription(String id) {
        Term term = purposes.get(id);
        return term == null ? "" : term.description();
    }

    private static String title(Map<String, Term> terms, String id) {
        if (id == null) {
            return "";
        }
        Term term = terms.get(id);
        return term == null ? id : term.title();
    }
}
