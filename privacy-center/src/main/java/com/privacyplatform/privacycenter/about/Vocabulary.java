package com.privacyplatform.privacycenter.about;

import com.privacyplatform.api.vocabulary.Vocabulary.Content;
import io.quarkus.qute.TemplateData;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import com.privacyplatform.privacycenter.web.Words;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The platform's one vocabulary ({@link com.privacyplatform.api.vocabulary.Vocabulary} of
 * platform-api, the file every service validates against) as the pages show it: plain-language
 * titles and explanations of purposes, data categories, legal bases and consent methods (1.1: the
 * user's right to know, in plain and understandable language).
 */
@ApplicationScoped
@Named("vocab")
public class Vocabulary {

    @TemplateData
    @RegisterForReflection
    public record Term(String id, String title, String description, Boolean sensitive, Boolean express,
            Boolean profiling) {

        public boolean isSensitive() {
            return Boolean.TRUE.equals(sensitive);
        }

        /** 3.2.c: a purpose that profiles people or decides about them automatically. */
        public boolean isProfiling() {
            return Boolean.TRUE.equals(profiling);
        }
    }

    @TemplateData
    @RegisterForReflection
    public record Jurisdiction(String code, String name, String law) {
    }

    private final String version;
    private final List<Term> purposeList;
    private final List<Term> categoryList;
    private final List<Term> legalBasisList;
    private final List<Term> methodList;
    private final List<Jurisdiction> jurisdictionList;
    private final Map<String, Term> purposes;
    private final Map<String, Term> categories;
    private final Map<String, Term> legalBases;
    private final Map<String, Term> methods;

    public Vocabulary() {
        Content content = com.privacyplatform.api.vocabulary.Vocabulary.get().content();
        this.version = content.version();
        this.purposeList = content.purposes().stream()
                .map(p -> new Term(p.id(), p.title(), p.description(), null, null, p.profiling())).toList();
        this.categoryList = content.dataCategories().stream()
                .map(c -> new Term(c.id(), c.title(), c.description(), c.sensitive(), null, null)).toList();
        this.legalBasisList = content.legalBases().stream()
                .map(b -> new Term(b.id(), b.title(), b.description(), null, null, null)).toList();
        this.methodList = content.consentMethods().stream()
                .map(m -> new Term(m.id(), m.title(), m.description(), null, m.express(), null)).toList();
        this.jurisdictionList = content.jurisdictions().stream()
                .map(j -> new Jurisdiction(j.code(), j.name(), j.law())).toList();
        this.purposes = index(purposeList);
        this.categories = index(categoryList);
        this.legalBases = index(legalBasisList);
        this.methods = index(methodList);
    }

    private static Map<String, Term> index(List<Term> terms) {
        return terms.stream().collect(Collectors.toUnmodifiableMap(Term::id, Function.identity()));
    }

    public String version() {
        return version;
    }

    public List<Term> purposes(Words w) {
        return localized("purpose", purposeList, w);
    }

    public List<Term> categories(Words w) {
        return localized("category", categoryList, w);
    }

    public List<Term> legalBases(Words w) {
        return localized("legalBasis", legalBasisList, w);
    }

    public List<Term> methods(Words w) {
        return localized("method", methodList, w);
    }

    /** The vocabulary's source texts (English) as the platform keeps them, by kind: what a translation covers. */
    public Map<String, List<Term>> source() {
        return Map.of("purpose", purposeList, "category", categoryList, "legalBasis", legalBasisList,
                "method", methodList);
    }

    public List<Jurisdiction> jurisdictions() {
        return jurisdictionList;
    }

    /** "China" for CN (in the person's language); a code the vocabulary does not know is shown as it is. */
    public String country(String code, Words w) {
        return jurisdictionList.stream().filter(j -> j.code().equals(code)).findFirst()
                .map(j -> translated(w, "jurisdiction." + code + ".name", j.name())).orElse(code == null ? "" : code);
    }

    /** "China (PIPL)" for CN; a code the vocabulary does not know is shown as it is. */
    public String jurisdiction(String code, Words w) {
        return jurisdictionList.stream().filter(j -> j.code().equals(code)).findFirst()
                .map(j -> w.t("jurisdiction.withLaw", country(code, w), law(j, w)))
                .orElse(code == null ? "" : code);
    }

    private static String law(Jurisdiction j, Words w) {
        return translated(w, "jurisdiction." + j.code() + ".law", j.law());
    }

    public boolean isCategory(String id) {
        return categories.containsKey(id);
    }

    /** A title for an id in the person's language; an id the vocabulary does not know is shown as it is. */
    public String purpose(String id, Words w) {
        return title("purpose", purposes, id, w);
    }

    public String category(String id, Words w) {
        return title("category", categories, id, w);
    }

    public String legalBasis(String id, Words w) {
        return title("legalBasis", legalBases, id, w);
    }

    public String method(String id, Words w) {
        return title("method", methods, id, w);
    }

    public String purposeDescription(String id, Words w) {
        Term term = purposes.get(id);
        return term == null ? "" : translated(w, "purpose." + id + ".description", term.description());
    }

    private static List<Term> localized(String kind, List<Term> terms, Words w) {
        return terms.stream().map(t -> new Term(t.id(), translated(w, kind + "." + t.id() + ".title", t.title()),
                translated(w, kind + "." + t.id() + ".description", t.description()), t.sensitive(), t.express(),
                t.profiling())).toList();
    }

    private static String title(String kind, Map<String, Term> terms, String id, Words w) {
        if (id == null) {
            return "";
        }
        Term term = terms.get(id);
        return term == null ? id : translated(w, kind + "." + id + ".title", term.title());
    }

    /** The language's translation; the platform's own text in the default language (or, defensively, when missing). */
    static String translated(Words w, String key, String source) {
        String text = w.reference(key);
        return text == null ? source : text;
    }
}
