package com.privacyplatform.dsr.retention;

import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.api.vocabulary.Vocabulary;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.dsr.holding.HoldingRepository;
import com.privacyplatform.dsr.order.DeletionOrders;
import com.privacyplatform.dsr.retention.RetentionRequests.RetentionBasisRequest;
import com.privacyplatform.dsr.support.Details;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * 3.5.d exemptions: a partner records why it may keep data after termination - the subject's express
 * consent to that retention (checked against the holdings now and again at the termination), or a
 * legal obligation that waits for an officer's approval.
 */
@ApplicationScoped
public class RetentionBasisService {

    public static final String LEGAL_OBLIGATION = "LEGAL_OBLIGATION";
    public static final String EXPRESS_CONSENT = "EXPRESS_CONSENT";
    /** 3.5.d: kept only when "otherwise permitted by relevant law or with the Express Consent of Users". */
    static final Set<String> RETENTION_BASES = Set.of(LEGAL_OBLIGATION, EXPRESS_CONSENT);
    /** A retention period longer than this is no period (a typo, or "forever"). */
    static final Period LONGEST_PERIOD = Period.ofYears(100);

    private final RetentionBasisRepository bases;
    private final HoldingRepository holdings;
    private final DeletionOrders orders;
    private final AuditTrail audit;
    private final Caller caller;
    private final PlatformClock clock;

    public RetentionBasisService(RetentionBasisRepository bases, HoldingRepository holdings, DeletionOrders orders,
            AuditTrail audit, Caller caller, PlatformClock clock) {
        this.bases = bases;
        this.holdings = holdings;
        this.orders = orders;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    @Enforces(value = "3.5.d", note = "retention after termination only on an approved law or the subject's"
            + " express consent to it")
    public Uni<RetentionBasis> record(UUID partnerId, RetentionBasisRequest request) {
        caller.requireVisible(caller.maySeePartner(partnerId), "partner");
        String subject = blankToNull(request.subjectId());
        String category = blankToNull(request.category());
        validate(subject, category, request);
        return orders.isTerminated(partnerId).chain(terminated -> {
            if (terminated) {
                throw ProblemException.conflict("the partner's termination deletion tasks already exist; reject the"
                        + " individual tasks with their legal basis instead (an officer reviews each)");
            }
            if (EXPRESS_CONSENT.equals(request.legalBasis())) {
                return holdings.findById(request.consentId()).map(h -> {
                    String problem = RetentionEvidence.problemWith(h, partnerId, subject, category, null);
                    if (problem != null) {
                        throw ProblemException.policy("3.5.d", "retention-consent-missing",
                                "No express consent to retention", "an express-consent retention basis names the"
                                        + " subject's consent to keeping the data after the end of the cooperation: "
                                        + problem,
                                List.of(new Problem.FieldError("consentId", problem)));
                    }
                    return RetentionStatus.CONSENT_VERIFIED;
                });
            }
            return Uni.createFrom().item(RetentionStatus.PENDING_REVIEW);
        }).chain(status -> persist(partnerId, subject, category, request, status));
    }

    private Uni<RetentionBasis> persist(UUID partnerId, String subject, String category, RetentionBasisRequest request,
            RetentionStatus status) {
        RetentionBasis b = new RetentionBasis();
        b.id = Ids.newId();
        b.partnerId = partnerId;
        b.subjectId = subject;
        b.category = category;
        b.legalBasis = request.legalBasis();
        b.explanation = request.explanation().strip();
        b.consentId = request.consentId();
        b.law = blankToNull(request.law());
        b.retentionPeriod = blankToNull(request.retentionPeriod());
        b.status = status;
        b.recordedBy = caller.auditActor().actor();
        b.recordedAt = clock.now();
        return bases.persist(b).call(() -> audit.record(caller.auditActor(), "retention-basis.recorded",
                "retention-basis", b.id.toString(), Details.of("legalBasis", b.legalBasis, "status", b.status,
                        "subject", subject != null, "category", category)));
    }

    private static void validate(String subject, String category, RetentionBasisRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (subject == null && category == null) {
            errors.add(new Problem.FieldError("subjectId", "name a subject, a category or both; a partner-wide"
                    + " exemption is not possible"));
        }
        if (category != null && !Vocabulary.get().isCategory(category)) {
            errors.add(new Problem.FieldError("category", "is not a data category of the vocabulary"));
        }
        if (!Vocabulary.get().isLegalBasis(request.legalBasis())) {
            errors.add(new Problem.FieldError("legalBasis", "is not a legal basis of the vocabulary"));
        }
        if (EXPRESS_CONSENT.equals(request.legalBasis())) {
            expressConsentFields(subject, request, errors);
        } else if (LEGAL_OBLIGATION.equals(request.legalBasis())) {
            legalObligationFields(request, errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("invalid retention basis", errors);
        }
        if (!RETENTION_BASES.contains(request.legalBasis())) {
            throw ProblemException.policy("3.5.d", "retention-basis-insufficient", "Retention basis insufficient",
                    "after termination data may be kept only where the law permits it or with the subject's express"
                            + " consent: use LEGAL_OBLIGATION (the law and the period, approved by an officer) or"
                            + " EXPRESS_CONSENT (the subject's consent to the retention)",
                    List.of(new Problem.FieldError("legalBasis", "is not a basis for keeping data after termination")));
        }
    }

    /** An express consent is one subject's own: the subject and their consent are named, no law. */
    private static void expressConsentFields(String subject, RetentionBasisRequest request,
            List<Problem.FieldError> errors) {
        if (subject == null) {
            errors.add(new Problem.FieldError("subjectId", "an express consent is a subject's own: name the subject"));
        }
        if (request.consentId() == null) {
            errors.add(new Problem.FieldError("consentId", "name the subject's consent to retention after the end"
                    + " of the cooperation"));
        }
        if (blankToNull(request.law()) != null) {
            errors.add(new Problem.FieldError("law", "belongs to a LEGAL_OBLIGATION basis"));
        }
        if (blankToNull(request.retentionPeriod()) != null) {
            errors.add(new Problem.FieldError("retentionPeriod", "belongs to a LEGAL_OBLIGATION basis"));
        }
    }

    /** A legal obligation names the law and how long it requires keeping the data; no consent. */
    private static void legalObligationFields(RetentionBasisRequest request, List<Problem.FieldError> errors) {
        if (blankToNull(request.law()) == null) {
            errors.add(new Problem.FieldError("law", "name the law that requires keeping the data"));
        }
        String period = blankToNull(request.retentionPeriod());
        if (period == null) {
            errors.add(new Problem.FieldError("retentionPeriod", "name the retention period (ISO 8601, e.g. P10Y)"));
        } else if (!validPeriod(period)) {
            errors.add(new Problem.FieldError("retentionPeriod", "is no positive ISO 8601 period of at most "
                    + LONGEST_PERIOD.getYears() + " years (e.g. P10Y, P6M)"));
        }
        if (request.consentId() != null) {
            errors.add(new Problem.FieldError("consentId", "belongs to an EXPRESS_CONSENT basis"));
        }
    }

    static boolean validPeriod(String text) {
        try {
            Period p = Period.parse(text).normalized();
            return !p.isNegative() && !p.isZero() && p.getDays() >= 0 && p.getMonths() >= 0
                    && p.toTotalMonths() * 31 + p.getDays() <= LONGEST_PERIOD.toTotalMonths() * 31;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
