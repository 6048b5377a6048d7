package com.privacyplatform.privacycenter.about;

import com.privacyplatform.commons.vocabulary.Vocabulary.Content;
import io.quarkus.qute.TemplateData;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The platform's one vocabulary ({@link com.privacyplatform.commons.vocabulary.Vocabulary} of
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
        Content content = com.privacyplatform.commons.vocabulary.Vocabulary.get().content();
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

    public List<Term> purposes() {
        return purposeList;
    }

    public List<Term> categories() {
        return categoryList;
    }

    public List<Term> legalBases() {
        return legalBasisList;
    }

    public List<Term> methods() {
        return methodList;
    }

    /** "China" for CN; a code the vocabulary does not know is shown as it is. */
    public String country(String code) {
        return jurisdictionList.stream().filter(j -> j.code().equals(code)).findFirst().map(Jurisdiction::name)
                .orElse(code == null ? "" : code);
    }

    /** "China (PIPL)" for CN; a code the vocabulary does not know is shown as it is. */
    public String jurisdiction(String code) {
        return jurisdictionList.stream().filter(j -> j.code().equals(code)).findFirst()
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
