package com.privacyplatform.dsr.retention;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.api.vocabulary.Vocabulary;
import com.privacyplatform.dsr.holding.ConsentHolding;
import com.privacyplatform.dsr.holding.HoldingStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * 3.5.d, pure rules: data may be kept after termination only "where otherwise permitted by relevant
 * law or with the Express Consent of Users". A legal obligation counts once an officer approved it; an
 * express consent counts when the subject's consent to that retention is in the holdings - its own
 * purpose, an express method, given before the termination and not revoked or expired. Nothing else
 * exempts anything.
 */
public final class RetentionEvidence {

    private RetentionEvidence() {
    }

    /**
     * Why the holding is no evidence of the subject's express consent to retention; null when it is.
     *
     * @param before the termination's time, or null while the partner is not terminated
     */
    @Enforces(value = "3.5.d", note = "an express-consent retention basis rests on the subject's own consent")
    public static String problemWith(ConsentHolding h, UUID partnerId, String subjectId, String category,
            Instant before) {
        if (h == null || !h.partnerId.equals(partnerId) || !h.subjectId.equals(subjectId)) {
            return "no consent of this subject to this partner has this id";
        }
        if (!Vocabulary.get().survivesTermination(h.purpose)) {
            return "the consent is for " + h.purpose + ", not a consent to retention after the end of the"
                    + " cooperation (" + String.join(", ", Vocabulary.get().retentionPurposes()) + ")";
        }
        if (!Vocabulary.get().isExpress(h.method)) {
            return "the consent was not given with an express method (2.4): " + h.method;
        }
        if (h.status != HoldingStatus.ACTIVE) {
            return "the consent is " + h.status + "; it no longer allows keeping the data";
        }
        if (category != null && !h.categories.contains(category)) {
            return "the consent does not cover " + category;
        }
        OffsetDateTime given = h.collectedAt != null ? h.collectedAt : h.grantedAt;
        if (before != null && (given == null || !given.toInstant().isBefore(before))) {
            return "the consent was not given before the termination";
        }
        return null;
    }

    /**
     * The bases a termination at {@code terminatedAt} honours, as what each keeps: approved legal
     * obligations, and express-consent bases whose consent is still evidence (checked again now).
     *
     * @param consents the partner's holdings by consent id
     */
    @Enforces(value = "3.5.d", note = "only approved legal obligations and evidenced express consents exempt")
    public static List<Retained> honoured(List<RetentionBasis> bases, Map<UUID, ConsentHolding> consents,
            Instant terminatedAt) {
        List<Retained> out = new ArrayList<>();
        for (RetentionBasis b : bases) {
            if (b.status == RetentionStatus.APPROVED && RetentionBasisService.LEGAL_OBLIGATION.equals(b.legalBasis)) {
                out.add(new Retained(b.id, b.partnerId, b.subjectId, b.category == null ? null : Set.of(b.category)));
            } else if (b.status == RetentionStatus.CONSENT_VERIFIED
                    && RetentionBasisService.EXPRESS_CONSENT.equals(b.legalBasis)) {
                ConsentHolding h = consents.get(b.consentId);
                if (problemWith(h, b.partnerId, b.subjectId, b.category, terminatedAt) == null) {
                    Set<String> kept = new TreeSet<>(h.categories);
                    if (b.category != null) {
                        kept.retainAll(Set.of(b.category));
                    }
                    out.add(new Retained(b.id, b.partnerId, b.subjectId, kept));
                }
            }
        }
        return out;
    }
}
