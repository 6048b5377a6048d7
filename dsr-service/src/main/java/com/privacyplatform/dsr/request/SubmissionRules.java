package com.privacyplatform.dsr.request;

import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.api.vocabulary.Vocabulary;
import com.privacyplatform.dsr.request.RequestRequests.CorrectionRequest;
import com.privacyplatform.dsr.request.RequestRequests.SubmitRequest;
import com.privacyplatform.dsr.workflow.Submission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Turns a caller's submission into a {@link Submission}, or a 400/403 naming what is wrong. */
final class SubmissionRules {

    private SubmissionRules() {
    }

    static Submission of(SubmitRequest body, Caller caller) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<UUID> partners = body.partnerIds() == null || body.partnerIds().isEmpty() ? null
                : List.copyOf(new LinkedHashSet<>(body.partnerIds()));
        String subject;
        RequestOrigin origin;
        UUID onBehalf = null;
        if (caller.isPartner()) {
            origin = RequestOrigin.PARTNER;
            onBehalf = caller.requirePartnerId();
            subject = blankToNull(body.subjectId());
            if (subject == null) {
                errors.add(new Problem.FieldError("subjectId",
                        "is required when a partner submits on a subject's behalf"));
            }
            UUID own = onBehalf;
            if (partners != null && !(partners.size() == 1 && partners.get(0).equals(own))) {
                errors.add(new Problem.FieldError("partnerIds", "a partner may address only itself"));
            }
        } else {
            origin = RequestOrigin.SUBJECT;
            subject = caller.subject();
            String named = blankToNull(body.subjectId());
            if (named != null && !named.equals(subject)) {
                throw ProblemException.forbidden("a data subject submits requests for themself only");
            }
        }
        // Deprecated field, still checked so that existing clients see the same contract; it sets no deadline
        // and is not stored (deadlines follow the consents' jurisdictions: 3.5.b-c).
        if (body.jurisdiction() != null && !Vocabulary.isCountryCode(body.jurisdiction())) {
            errors.add(new Problem.FieldError("jurisdiction", "is not an assigned ISO 3166-1 alpha-2 code"));
        }
        List<Correction> corrections = corrections(body, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation("invalid request", errors);
        }
        return new Submission(subject, body.type(), origin, null, caller.auditActor(), onBehalf, partners,
                corrections);
    }

    /** 3.5.b: a correction names what to correct (a data category) and the correct value; other types carry none. */
    private static List<Correction> corrections(SubmitRequest body, List<Problem.FieldError> errors) {
        List<CorrectionRequest> given = body.corrections() == null ? List.of() : body.corrections();
        if (body.type() != RequestType.CORRECTION) {
            if (!given.isEmpty()) {
                errors.add(new Problem.FieldError("corrections", "only a CORRECTION request carries corrections"));
            }
            return List.of();
        }
        if (given.isEmpty()) {
            errors.add(new Problem.FieldError("corrections", "a CORRECTION request needs at least one change"));
        }
        Set<String> seen = new HashSet<>();
        List<Correction> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String field = given.get(i).field().strip();
            if (!Vocabulary.get().isCategory(field)) {
                errors.add(new Problem.FieldError("corrections[" + i + "].field",
                        "is not a data category of the vocabulary"));
            } else if (!seen.add(field)) {
                errors.add(new Problem.FieldError("corrections[" + i + "].field", "is named twice"));
            }
            out.add(new Correction(field, given.get(i).value().strip()));
        }
        return out;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
