package com.privacyplatform.dsr.workflow;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.dsr.holding.ConsentHolding;
import com.privacyplatform.dsr.holding.HoldingStatus;
import com.privacyplatform.dsr.request.DsrRequest;
import com.privacyplatform.dsr.request.RequestType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Which partners a request addresses: the ones named, or every partner that obtained the subject's data. */
final class Addressees {

    private Addressees() {
    }

    static List<UUID> of(DsrRequest r) {
        return r.requestedPartnerIds == null ? null : r.requestedPartnerIds.stream().map(UUID::fromString).toList();
    }

    /**
     * The holdings a request fans out to. Named partners: theirs. Otherwise every partner that obtained
     * the data (a revoked consent does not delete the data), except terminated partners, whose data is
     * already being deleted by their termination requests (3.5.d). Revocations: active consents only.
     */
    static List<ConsentHolding> select(RequestType type, List<ConsentHolding> held, List<UUID> named,
            Set<UUID> terminated) {
        return held.stream()
                .filter(h -> named != null ? named.contains(h.partnerId) : !terminated.contains(h.partnerId))
                .filter(h -> type != RequestType.REVOKE_AUTHORIZATION || h.status == HoldingStatus.ACTIVE)
                .toList();
    }

    /** Named partners must have obtained the subject's data (for a revocation: hold an active consent). */
    @Enforces(value = "3.4.f", note = "a request reaches only partners that obtained the subject's data")
    static void requireHolders(Submission s, List<ConsentHolding> held) {
        if (s.partnerIds() == null) {
            return;
        }
        boolean revoke = s.type() == RequestType.REVOKE_AUTHORIZATION;
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < s.partnerIds().size(); i++) {
            UUID partner = s.partnerIds().get(i);
            boolean holds = held.stream().anyMatch(h -> h.partnerId.equals(partner)
                    && (!revoke || h.status == HoldingStatus.ACTIVE));
            if (!holds) {
                errors.add(new Problem.FieldError("partnerIds[" + i + "]", revoke
                        ? "holds no active consent of the subject"
                        : "obtained none of the subject's data through the platform"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.policy(s.type().clause, "partner-holds-no-data",
                    "Partner holds none of the subject's data",
                    "a request can be addressed only to partners that obtained the subject's data through the platform",
                    errors);
        }
    }
}
