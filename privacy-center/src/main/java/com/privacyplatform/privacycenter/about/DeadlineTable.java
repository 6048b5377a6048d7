package com.privacyplatform.privacycenter.about;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.privacycenter.web.Words;
import io.quarkus.qute.TemplateData;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How long partners have to answer a request (3.5.b-c), from dsr-service's own deadline table
 * ({@code deadline-policies.json}, copied in at build time): the page states exactly what
 * dsr-service computes.
 */
@ApplicationScoped
public class DeadlineTable {

    @RegisterForReflection
    public record Term(String unit, int amount) {
    }

    @RegisterForReflection
    public record Policy(String id, String law, List<String> countries, List<String> origins, boolean fallback,
            Term response, Term extension, String note) {
    }

    @RegisterForReflection
    public record Document(String version, List<Policy> policies) {
    }

    /** One row of the page's table, in words. */
    @TemplateData
    public record Row(String id, String law, String where, String answerWithin, String extension, String note) {
    }

    private final Document document;

    public DeadlineTable() {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try (InputStream in = DeadlineTable.class.getResourceAsStream("/reference/deadline-policies.json")) {
            if (in == null) {
                throw new IllegalStateException("reference/deadline-policies.json is missing from the build");
            }
            this.document = json.readValue(in, Document.class);
        } catch (IOException e) {
            throw new UncheckedIOException("reference/deadline-policies.json is unreadable", e);
        }
    }

    public String version() {
        return document.version();
    }

    public List<Policy> policies() {
        return document.policies();
    }

    public List<Row> rows(Words w) {
        return document.policies().stream().map(p -> new Row(p.id(),
                Vocabulary.translated(w, "deadline." + p.id() + ".law", p.law()), where(p, w), words(p.response(), w),
                p.extension() == null ? w.t("deadline.noExtension") : w.t("deadline.extension", words(p.extension(), w)),
                Vocabulary.translated(w, "deadline." + p.id() + ".note", p.note()))).toList();
    }

    /**
     * In words, the name a task's deadline rule is shown with: the law's short name for a country's row
     * ("GDPR", "UK GDPR"), "the platform's rule" for the platform's own rows; "" for no policy.
     */
    public String ruleName(String policyId, Words w) {
        return document.policies().stream().filter(p -> p.id().equals(policyId)).findFirst()
                .map(p -> p.countries().isEmpty() ? w.t("deadline.platformRule")
                        : Vocabulary.translated(w, "deadline." + p.id() + ".short", p.id().replace('_', ' ')))
                .orElse("");
    }

    private static String where(Policy p, Words w) {
        List<String> parts = new ArrayList<>();
        if (!p.countries().isEmpty()) {
            parts.add(w.t("deadline.where.countries", String.join(", ", p.countries())));
        }
        if (p.fallback()) {
            parts.add(w.t("deadline.where.fallback"));
        }
        for (String origin : p.origins()) {
            parts.add(w.code("deadline.where.origin", origin));
        }
        return String.join(w.t("list.separator"), parts);
    }

    static String words(Term term, Words w) {
        return w.count("unit." + term.unit(), term.amount());
    }
}
