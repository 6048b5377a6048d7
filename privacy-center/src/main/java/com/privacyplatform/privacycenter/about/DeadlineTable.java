package com.privacyplatform.privacycenter.about;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateData;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    private static String where(Policy p) {
        if (!p.origins().isEmpty()) {
            return "deletion ordered by the platform after a breach";
        }
        if (p.fallback()) {
            return "anywhere else, or when you name no country";
        }
        return String.join(", ", p.countries());
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
