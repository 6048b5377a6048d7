package com.privacyplatform.privacycenter.request;

import com.privacyplatform.privacycenter.about.Vocabulary;
import com.privacyplatform.privacycenter.backend.RequestViews.Correction;
import com.privacyplatform.privacycenter.backend.RequestViews.Submit;
import com.privacyplatform.privacycenter.web.Words;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the "new request" form sent, checked before anything reaches dsr-service: the type, whom
 * it addresses (every holder, or the ones ticked), and for a correction the categories and their new
 * values. It asks for no country: the deadlines follow the law of each consent (dsr-service), not the
 * person's choice.
 */
@TemplateData
public record RequestForm(String type, String scope, List<String> partners,
        List<String> correctionFields, List<String> correctionValues, String submission) {

    static final Set<String> TYPES = Set.of("ACCESS", "CORRECTION", "DELETION");
    static final int CORRECTION_ROWS = 3;

    public static RequestForm empty() {
        return new RequestForm(null, "all", List.of(), List.of(), List.of(), UUID.randomUUID().toString());
    }

    RequestForm resubmission() {
        return new RequestForm(type, scope, partners, correctionFields, correctionValues,
                UUID.randomUUID().toString());
    }

    public boolean chosen(String partnerId) {
        return partners != null && partners.contains(partnerId);
    }

    public String fieldAt(int index) {
        return correctionFields != null && index < correctionFields.size() ? correctionFields.get(index) : "";
    }

    public String valueAt(int index) {
        return correctionValues != null && index < correctionValues.size() ? correctionValues.get(index) : "";
    }

    /** The form's correction rows are numbered from 1. */
    public String fieldNo(int number) {
        return fieldAt(number - 1);
    }

    public String valueNo(int number) {
        return valueAt(number - 1);
    }

    /**
     * One problem of the form, in words, and the field it belongs to ({@code type}, {@code scope},
     * {@code correction}, {@code correction-1} ...; null for the form as a whole): the page shows it next to
     * that field and ties the two with {@code aria-describedby}.
     */
    @TemplateData
    public record Problem(String field, String text) {

        /** The id of the element the summary's link jumps to. */
        public String target() {
            return switch (field == null ? "" : field) {
                case "type" -> "type-access";
                case "scope" -> "scope-all";
                case "correction", "correction-1" -> "field-1";
                case "correction-2" -> "field-2";
                case "correction-3" -> "field-3";
                default -> "request-form";
            };
        }
    }

    /** The problems of one field (the template shows them next to it). */
    public static List<Problem> of(List<Problem> problems, String field) {
        return problems.stream().filter(p -> field.equals(p.field())).toList();
    }

    /** The problems in words; empty when the form can be submitted. */
    List<Problem> problems(Vocabulary vocabulary, Set<String> holders, Words w) {
        List<Problem> problems = new ArrayList<>();
        if (type == null || !TYPES.contains(type)) {
            problems.add(new Problem("type", w.t("form.problem.type")));
        }
        if ("chosen".equals(scope)) {
            if (partners == null || partners.isEmpty()) {
                problems.add(new Problem("scope", w.t("form.problem.noPartner")));
            } else if (!holders.containsAll(partners)) {
                problems.add(new Problem("scope", w.t("form.problem.unknownPartner")));
            }
        } else if (!"all".equals(scope)) {
            problems.add(new Problem("scope", w.t("form.problem.scope")));
        }
        List<Correction> corrections = corrections();
        if ("CORRECTION".equals(type)) {
            if (corrections.isEmpty()) {
                problems.add(new Problem("correction", w.t("form.problem.noCorrection")));
            }
            for (int i = 0; i < CORRECTION_ROWS; i++) {
                boolean field = !fieldAt(i).isBlank();
                boolean value = !valueAt(i).isBlank();
                String row = "correction-" + (i + 1);
                if (field != value) {
                    problems.add(new Problem(row, w.t("form.problem.correctionIncomplete", i + 1)));
                } else if (field && !vocabulary.isCategory(fieldAt(i))) {
                    problems.add(new Problem(row, w.t("form.problem.correctionCategory", i + 1)));
                } else if (valueAt(i).length() > 500) {
                    problems.add(new Problem(row, w.t("form.problem.correctionTooLong", i + 1)));
                }
            }
        }
        return problems;
    }

    List<Correction> corrections() {
        List<Correction> corrections = new ArrayList<>();
        for (int i = 0; i < CORRECTION_ROWS; i++) {
            if (!fieldAt(i).isBlank() && !valueAt(i).isBlank()) {
                corrections.add(new Correction(fieldAt(i), valueAt(i).strip()));
            }
        }
        return corrections;
    }

    Submit toSubmit() {
        List<UUID> addressed = "chosen".equals(scope) ? partners.stream().map(UUID::fromString).toList() : List.of();
        return new Submit(type, addressed, "CORRECTION".equals(type) ? corrections() : null);
    }

    /** The idempotency key of this form: a double submit creates one request. */
    String key() {
        try {
            return UUID.fromString(submission).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            return UUID.randomUUID().toString();
        }
    }
}
