package com.privacyplatform.privacycenter.about;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateData;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    public List<Row> rows() {
        return document.policies().stream().map(p -> new Row(p.id(), p.law(), where(p), words(p.response()),
                p.extension() == null ? "no extension" : "once, by up to " + words(p.extension()), p.note())).toList();
    }

    /**
     * In words, the name a task's deadline rule is shown with: the law's short name for a country's row
     * ("GDPR", "UK GDPR"), "the platform's rule" for the platform's own rows; "" for no policy.
     */
    public String ruleName(String policyId) {
        return document.policies().stream().filter(p -> p.id().equals(policyId)).findFirst()
                .map(p -> p.countries().isEmpty() ? "the platform's rule" : p.id().replace('_', ' '))
                .orElse("");
    }

    private static String where(Policy p) {
        List<String> parts = new ArrayList<>();
        if (!p.countries().isEmpty()) {
            parts.add("consents given under the law of " + String.join(", ", p.countries()));
        }
        if (p.fallback()) {
            parts.add("consents under any other country's law, or when no country is known");
        }
        for (String origin : p.origins()) {
            parts.add(switch (origin) {
                case "BREACH_ORDER" -> "deletion ordered by the platform after a breach";
                case "TERMINATION" -> "deletion when a partner's cooperation with the platform ends";
                default -> origin.toLowerCase(Locale.ROOT).replace('_', ' ');
            });
        }
        return String.join("; ", parts);
    }

    static String words(Term term) {
        String unit = switch (term.unit()) {
            case "CALENDAR_MONTHS" -> "calendar month";
            case "CALENDAR_DAYS" -> "calendar day";
            case "BUSINESS_DAYS" -> "working day";
            default -> term.unit().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
        return term.amount() + " " + unit + (term.amount() == 1 ? "" : "s");
    }
}
