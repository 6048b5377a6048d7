package com.privacyplatform.consent.record;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.problem.Problem.FieldError;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.api.vocabulary.Vocabulary;
import com.privacyplatform.consent.record.RecordRequests.PurposeDecision;
import com.privacyplatform.consent.record.RecordRequests.RecordRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Input checks beyond the annotations (400, state unchanged): vocabulary terms, country and
 * language codes, coherent times, no duplicate purposes, and subject ids that are pseudonymous.
 */
final class RecordValidation {

    /** Digits with separators only, 6+ digits: a phone or identification number, not a pseudonym. */
    private static final Pattern PERSONAL_NUMBER = Pattern.compile("[0-9 .:_-]*([0-9][ .:_-]*){6,}");
    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private RecordValidation() {
    }

    static void validate(RecordRequest r, Instant now, Duration maxClockSkew) {
        Vocabulary vocabulary = Vocabulary.get();
        List<FieldError> errors = new ArrayList<>();
        requirePseudonym(r.subjectId(), errors);
        if (!Vocabulary.isCountryCode(r.jurisdiction())) {
            errors.add(new FieldError("jurisdiction", "is not an assigned ISO 3166-1 alpha-2 code"));
        }
        if (languageTag(r.language()) == null) {
            errors.add(new FieldError("language", "is not a well-formed BCP 47 language tag"));
        }
        if (!vocabulary.isLegalBasis(r.legalBasis())) {
            errors.add(new FieldError("legalBasis", "is not a legal basis of the vocabulary"));
        }
        if (vocabulary.consentMethod(r.method()).isEmpty()) {
            errors.add(new FieldError("method", "is not a consent method of the vocabulary"));
        }
        if (r.collectedAt().isAfter(now.plus(maxClockSkew))) {
            errors.add(new FieldError("collectedAt", "lies in the future"));
        }
        if (r.expiresAt() != null && (!r.expiresAt().isAfter(r.collectedAt()) || !r.expiresAt().isAfter(now))) {
            errors.add(new FieldError("expiresAt", "must lie after collectedAt and in the future"));
        }
        for (int i = 0; i < r.recipientsOrEmpty().size(); i++) {
            if (!Vocabulary.isCountryCode(r.recipientsOrEmpty().get(i).country())) {
                errors.add(new FieldError("recipients[" + i + "].country", "is not an assigned ISO 3166-1 alpha-2 code"));
            }
        }
        validatePurposes(r.purposes(), vocabulary, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors.size() + " field(s) failed validation", errors);
        }
    }

    private static void validatePurposes(List<PurposeDecision> purposes, Vocabulary vocabulary,
            List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < purposes.size(); i++) {
            PurposeDecision p = purposes.get(i);
            if (!vocabulary.isPurpose(p.purpose())) {
                errors.add(new FieldError("purposes[" + i + "].purpose", "is not a purpose of the vocabulary"));
            } else if (!seen.add(p.purpose())) {
                // 1.2: one decision per purpose; two answers for one purpose in one form are contradictory
                errors.add(new FieldError("purposes[" + i + "].purpose", "appears more than once"));
            }
            Set<String> categories = new HashSet<>();
            for (int j = 0; j < p.categories().size(); j++) {
                String category = p.categories().get(j);
                if (!vocabulary.isCategory(category)) {
                    errors.add(new FieldError("purposes[" + i + "].categories[" + j + "]",
                            "is not a data category of the vocabulary"));
                } else if (!categories.add(category)) {
                    errors.add(new FieldError("purposes[" + i + "].categories[" + j + "]", "appears more than once"));
                }
            }
        }
    }

    /** 3.1.a: the platform stores pseudonymous subject ids, never phone or identification numbers. */
    @Enforces(value = "3.1.a", note = "subject ids must be pseudonymous, not personal numbers")
    private static void requirePseudonym(String subjectId, List<FieldError> errors) {
        if (PERSONAL_NUMBER.matcher(subjectId).matches() && !UUID_FORM.matcher(subjectId).matches()) {
            errors.add(new FieldError("subjectId", "looks like a phone or identification number;"
                    + " use the subject's pseudonymous id"));
        }
    }

    /** The normalised BCP 47 tag, or null when the tag is not well-formed. */
    static String languageTag(String tag) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            String normalised = locale.toLanguageTag();
            return locale.getLanguage().isEmpty() || "und".equals(normalised) ? null : normalised;
        } catch (IllformedLocaleException e) {
            return null;
        }
    }
}
