package com.privacyplatform.privacycenter.request;

import com.privacyplatform.privacycenter.about.Vocabulary;
import com.privacyplatform.privacycenter.backend.RequestViews.Correction;
import com.privacyplatform.privacycenter.backend.RequestViews.Submit;
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

    /** The problems in words; empty when the form can be submitted. */
    List<String> problems(Vocabulary vocabulary, Set<String> holders) {
        List<String> problems = new ArrayList<>();
        if (type == null || !TYPES.contains(type)) {
            problems.add("Choose what you want: access, correction or deletion.");
        }
        if ("chosen".equals(scope)) {
            if (partners == null || partners.isEmpty()) {
                problems.add("Tick at least one partner, or choose every partner that holds your data.");
            } else if (!holders.containsAll(partners)) {
                problems.add("Choose only partners from the list.");
            }
        } else if (!"all".equals(scope)) {
            problems.add("Choose whom the request is for.");
        }
        List<Correction> corrections = corrections();
        if ("CORRECTION".equals(type)) {
            if (corrections.isEmpty()) {
                problems.add("For a correction, choose at least one kind of data and write its correct value.");
            }
            for (int i = 0; i < CORRECTION_ROWS; i++) {
                boolean field = !fieldAt(i).isBlank();
                boolean value = !valueAt(i).isBlank();
                if (field != value) {
                    problems.add("Correction " + (i + 1) + ": choose the kind of data and write its correct value.");
                } else if (field && !vocabulary.isCategory(fieldAt(i))) {
                    problems.add("Correction " + (i + 1) + ": choose the kind of data from the list.");
                } else if (valueAt(i).length() > 500) {
                    problems.add("Correction " + (i + 1) + ": the value may have at most 500 characters.");
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
