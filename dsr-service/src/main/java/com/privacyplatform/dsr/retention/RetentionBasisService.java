package com.privacyplatform.dsr.retention;

import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.commons.clause.Enforces;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.vocabulary.Vocabulary;
import com.privacyplatform.dsr.Times;
import com.privacyplatform.dsr.order.DeletionOrders;
import com.privacyplatform.dsr.retention.RetentionRequests.RetentionBasisRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** 3.5.d exemptions: a partner records why it may keep data after termination. */
@ApplicationScoped
public class RetentionBasisService {

    /** 3.5.d: kept only when "otherwise permitted by relevant law or with the Express Consent of Users". */
    static final Set<String> RETENTION_BASES = Set.of("LEGAL_OBLIGATION", "EXPRESS_CONSENT", "VITAL_INTERESTS");

    private final RetentionBasisRepository bases;
    private final DeletionOrders orders;
    private final AuditTrail audit;
    private final Caller caller;

    public RetentionBasisService(RetentionBasisRepository bases, DeletionOrders orders, AuditTrail audit,
            Caller caller) {
        this.bases = bases;
        this.orders = orders;
        this.audit = audit;
        this.caller = caller;
    }

    @Enforces(value = "3.5.d", note = "retention after termination only on a legal basis or express consent")
    public Uni<RetentionBasis> record(UUID partnerId, RetentionBasisRequest request) {
        caller.requireVisible(caller.maySeePartner(partnerId), "partner");
        String subject = blankToNull(request.subjectId());
        String category = blankToNull(request.category());
        validate(subject, category, request.legalBasis());
        if (!RETENTION_BASES.contains(request.legalBasis())) {
            throw ProblemException.policy("3.5.d", "retention-basis-insufficient", "Retention basis insufficient",
                    "after termination data may be kept only where the law permits it or with the subject's express"
                            + " consent: use LEGAL_OBLIGATION, EXPRESS_CONSENT or VITAL_INTERESTS",
                    List.of(new Problem.FieldError("legalBasis", "is not a basis for keeping data after termination")));
        }
        return orders.isTerminated(partnerId).chain(terminated -> {
            if (terminated) {
                throw ProblemException.conflict("the partner's termination deletion tasks already exist; reject the"
                        + " individual tasks with their legal basis instead");
            }
            RetentionBasis b = new RetentionBasis();
            b.id = Ids.newId();
            b.partnerId = partnerId;
            b.subjectId = subject;
            b.category = category;
            b.legalBasis = request.legalBasis();
            b.explanation = request.explanation().strip();
            b.recordedBy = caller.auditActor().actor();
            b.recordedAt = Times.now();
            return bases.persist(b).call(() -> audit.record(caller.auditActor(), "retention-basis.recorded",
                    "retention-basis", b.id.toString(), "{\"legalBasis\":\"" + b.legalBasis + "\",\"subject\":"
                            + (subject != null) + ",\"category\":" + (category == null ? null : "\"" + category + "\"")
                            + "}"));
        });
    }

    private static void validate(String subject, String category, String legalBasis) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (subject == null && category == null) {
            errors.add(new Problem.FieldError("subjectId", "name a subject, a category or both; a partner-wide"
                    + " exemption is not possible"));
        }
        if (category != null && !Vocabulary.get().isCategory(category)) {
            errors.add(new Problem.FieldError("category", "is not a data category of the vocabulary"));
        }
        if (!Vocabulary.get().isLegalBasis(legalBasis)) {
            errors.add(new Problem.FieldError("legalBasis", "is not a legal basis of the vocabulary"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("invalid retention basis", errors);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
