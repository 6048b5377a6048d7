package com.privacyplatform.consent.record;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.api.events.PartnerStatus;
import com.privacyplatform.commons.problem.Problem.FieldError;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.api.vocabulary.Vocabulary;
import com.privacyplatform.consent.partner.ProjectionRepository.ApprovedTransfer;
import com.privacyplatform.consent.partner.ProjectionRepository.PartnerState;
import com.privacyplatform.consent.record.RecordRequests.PurposeDecision;
import com.privacyplatform.consent.record.RecordRequests.RecipientRequest;
import com.privacyplatform.consent.record.RecordRequests.RecordRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The policy rules a recording must pass, checked against the local partner projection (no remote
 * call). A violation refuses the whole request with one 422 whose {@code errors} name every
 * offending field ({@code purposes[i]...}): a form that asked for something the partner may not
 * ask for is defective as a whole, so nothing of it is recorded.
 */
final class RecordRules {

    static final String THIRD_PARTY_SHARING = "third_party_sharing";
    static final String EXPRESS_CONSENT = "EXPRESS_CONSENT";

    private record Violation(String clause, String slug, String title, FieldError error) {
    }

    private RecordRules() {
    }

    static void check(Optional<PartnerState> partner, RecordRequest r) {
        requireActive(partner);
        PartnerState p = partner.orElseThrow();
        List<Violation> violations = new ArrayList<>();
        expressMethodForExpressBasis(r, violations);
        for (int i = 0; i < r.purposes().size(); i++) {
            PurposeDecision d = r.purposes().get(i);
            String at = "purposes[" + i + "]";
            if (!automatedDecisionsAuthorized(p, d, at, violations) || !inScope(p, d, at, violations)) {
                continue;
            }
            if (Boolean.TRUE.equals(d.granted())) {
                expressForSensitive(r.method(), d, at, violations);
                expressForRetention(r.method(), d, at, violations);
                recipientsForDisclosure(r, d, at, violations);
                transfersForRecipientsAbroad(p, r, d, at, violations);
            }
        }
        if (!violations.isEmpty()) {
            Violation first = violations.get(0);
            throw ProblemException.policy(first.clause(), first.slug(), first.title(),
                    violations.size() + " policy violation(s); the first: " + first.error().message(),
                    violations.stream().map(Violation::error).toList());
        }
    }

    /** Recording needs an ACTIVE partner: suspended (3.4.j), terminated (3.5.d), pending or unknown (no scope). */
    @Enforces({"3.4.j", "3.5.d"})
    static void requireActive(Optional<PartnerState> partner) {
        PartnerStatus status = partner.map(PartnerState::status).orElse(null);
        if (status == PartnerStatus.ACTIVE) {
            return;
        }
        String clause = status == PartnerStatus.SUSPENDED ? "3.4.j" : status == PartnerStatus.TERMINATED ? "3.5.d"
                : "3.1.b";
        String detail = status == null ? "the partner is not known to the platform (not onboarded or not activated)"
                : "the partner is " + status + "; consents can be recorded only for an ACTIVE partner";
        throw ProblemException.policy(clause, "partner-not-active", "Partner not active", detail, null);
    }

    /**
     * 3.2.c: a purpose the vocabulary flags as profiling (it profiles people or decides about them
     * automatically: automated_decision_making, fraud_detection, personalization) only with the
     * platform's authorization.
     */
    @Enforces("3.2.c")
    private static boolean automatedDecisionsAuthorized(PartnerState p, PurposeDecision d, String at,
            List<Violation> violations) {
        if (Vocabulary.get().isProfiling(d.purpose()) && !p.admAuthorized()) {
            violations.add(new Violation("3.2.c", "automated-decisions-not-authorized",
                    "Automated decision-making not authorized", new FieldError(at + ".purpose", "3.2.c: "
                            + d.purpose() + " profiles people or decides about them automatically; the platform has"
                            + " not authorized this partner for it")));
            return false;
        }
        return true;
    }

    /** 1.3, 3.1.b / 3.2.a: only purposes and categories inside the partner's permitted scope. */
    @Enforces({"1.3", "3.1.b", "3.2.a"})
    private static boolean inScope(PartnerState p, PurposeDecision d, String at, List<Violation> violations) {
        if (!p.permitsPurpose(d.purpose())) {
            violations.add(outOfScope(at + ".purpose", "3.1.b: purpose " + d.purpose()
                    + " is not in the partner's permitted scope"));
            return false;
        }
        boolean inScope = true;
        for (int j = 0; j < d.categories().size(); j++) {
            String category = d.categories().get(j);
            if (!p.permits(d.purpose(), category)) {
                violations.add(outOfScope(at + ".categories[" + j + "]", "3.1.b: category " + category
                        + " is not permitted for purpose " + d.purpose()));
                inScope = false;
            }
        }
        return inScope;
    }

    /** 3.1.c: sensitive categories (2.2) need an express method (2.4: box ticked, consent clicked, signed). */
    @Enforces({"3.1.c", "2.2", "2.4"})
    private static void expressForSensitive(String method, PurposeDecision d, String at, List<Violation> violations) {
        Vocabulary vocabulary = Vocabulary.get();
        if (vocabulary.isExpress(method)) {
            return;
        }
        for (int j = 0; j < d.categories().size(); j++) {
            if (vocabulary.isSensitive(d.categories().get(j))) {
                violations.add(new Violation("3.1.c", "express-consent-required", "Express consent required",
                        new FieldError(at + ".categories[" + j + "]", "3.1.c: " + d.categories().get(j)
                                + " is sensitive and needs an express consent method; " + method + " is not express")));
            }
        }
    }

    /**
     * 3.5.d: data may be kept after the cooperation ends only "with the Express Consent of Users"; a
     * consent to that retention (a purpose the vocabulary marks survivesTermination) needs an express method.
     */
    @Enforces({"3.5.d", "2.4"})
    private static void expressForRetention(String method, PurposeDecision d, String at, List<Violation> violations) {
        if (Vocabulary.get().survivesTermination(d.purpose()) && !Vocabulary.get().isExpress(method)) {
            violations.add(new Violation("3.5.d", "express-consent-required", "Express consent required",
                    new FieldError(at + ".purpose", "3.5.d: " + d.purpose() + " keeps data after the end of the"
                            + " cooperation and needs an express consent method; " + method + " is not express")));
        }
    }

    /** 2.4: a record claiming EXPRESS_CONSENT must name an express method. */
    @Enforces("2.4")
    private static void expressMethodForExpressBasis(RecordRequest r, List<Violation> violations) {
        if (EXPRESS_CONSENT.equals(r.legalBasis()) && !Vocabulary.get().isExpress(r.method())) {
            violations.add(new Violation("2.4", "express-consent-required", "Express consent required",
                    new FieldError("method", "2.4: legal basis EXPRESS_CONSENT needs an express method, not "
                            + r.method())));
        }
    }

    /** 3.3.a: consent to disclosure names the third parties it covers. */
    @Enforces("3.3.a")
    private static void recipientsForDisclosure(RecordRequest r, PurposeDecision d, String at,
            List<Violation> violations) {
        if (THIRD_PARTY_SHARING.equals(d.purpose()) && r.recipientsOrEmpty().isEmpty()) {
            violations.add(new Violation("3.3.a", "recipients-required", "Third-party recipients required",
                    new FieldError("recipients", "3.3.a: " + at + " grants disclosure to third parties;"
                            + " name the recipients the subject consented to")));
        }
    }

    /**
     * 3.3.c: a granted decision names its recipients (they are recorded with every decision of the
     * request); one in another country than the partner's receives the data abroad, so one APPROVED
     * transfer of the partner to that country must cover all of the decision's categories.
     */
    @Enforces("3.3.c")
    private static void transfersForRecipientsAbroad(PartnerState p, RecordRequest r, PurposeDecision d, String at,
            List<Violation> violations) {
        List<RecipientRequest> recipients = r.recipientsOrEmpty();
        for (int k = 0; k < recipients.size(); k++) {
            String country = recipients.get(k).country();
            if (country.equals(p.jurisdiction()) || p.transfers(country, d.categories())) {
                continue;
            }
            List<ApprovedTransfer> to = p.transfersTo(country);
            if (to.isEmpty()) {
                addOnce(violations, transferRequired(new FieldError("recipients[" + k + "].country", "3.3.c: "
                        + recipients.get(k).name() + " is in " + country + ", outside the partner's jurisdiction "
                        + p.jurisdiction() + "; the partner has no APPROVED transfer to " + country)));
                continue;
            }
            ApprovedTransfer closest = to.stream().max(Comparator.comparingLong(t ->
                    d.categories().stream().filter(t.categories()::contains).count())).orElseThrow();
            for (int j = 0; j < d.categories().size(); j++) {
                if (!closest.categories().contains(d.categories().get(j))) {
                    addOnce(violations, transferRequired(new FieldError(at + ".categories[" + j + "]", "3.3.c: "
                            + d.categories().get(j) + " is not covered by an APPROVED transfer to " + country
                            + " (recipients[" + k + "])")));
                }
            }
        }
    }

    private static Violation transferRequired(FieldError error) {
        return new Violation("3.3.c", "transfer-required", "Approved cross-border transfer required", error);
    }

    private static void addOnce(List<Violation> violations, Violation v) {
        if (!violations.contains(v)) {
            violations.add(v);
        }
    }

    private static Violation outOfScope(String field, String message) {
        return new Violation("3.1.b", "out-of-scope", "Outside the partner's permitted scope",
                new FieldError(field, message));
    }
}
