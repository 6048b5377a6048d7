package com.privacyplatform.consent.record;

import com.privacyplatform.api.clause.Enforces;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * When the subject last ended a consent for a partner and purpose: a revocation (by the subject,
 * the partner on their behalf, a data-subject request or the partner's termination), a refusal,
 * or an expiry. A later decision must be a new collection after that moment (DESIGN "Decisions are
 * final for the past"): a record dated before it would undo the subject's decision by backdating.
 */
public final class DecisionEnds {

    /** How a consent ended, with the clause a decision dated before it would break. */
    public enum Kind {
        REVOCATION("3.5.a", "revocation"),
        REFUSAL("1.2", "refusal"),
        EXPIRY("3.2.b", "expiry");

        private final String clause;
        private final String words;

        Kind(String clause, String words) {
            this.clause = clause;
            this.words = words;
        }

        public String clause() {
            return clause;
        }

        public String words() {
            return words;
        }
    }

    /** The moment a consent ended and the decision that ended it. */
    public record End(Kind kind, OffsetDateTime at, UUID consentId) {
    }

    private DecisionEnds() {
    }

    /** The latest end per purpose among {@code decisions}, all of one subject and one partner. */
    @Enforces(value = {"1.2", "3.5.a"}, note = "a revocation, refusal or expiry cannot be undone by a backdated decision")
    public static Map<String, End> latestByPurpose(List<Consent> decisions, OffsetDateTime now) {
        Map<String, End> latest = new HashMap<>();
        for (Consent c : decisions) {
            ends(c, now).forEach(end -> latest.merge(c.purpose, end,
                    (a, b) -> b.at().isAfter(a.at()) ? b : a));
        }
        return latest;
    }

    /** Every way this one decision ended, if it did: at most a refusal, an expiry and a revocation. */
    static Stream<End> ends(Consent c, OffsetDateTime now) {
        Stream.Builder<End> out = Stream.builder();
        if (c.decision == Decision.REFUSED) {
            // the subject said no when the form was filled in
            out.add(new End(Kind.REFUSAL, c.collectedAt, c.id));
        }
        if (c.state == ConsentState.REVOKED) {
            // REVOKED is final: the state change is the revocation
            out.add(new End(Kind.REVOCATION, c.stateChangedAt, c.id));
        }
        expiry(c, now).ifPresent(out::add);
        return out.build();
    }

    /**
     * A granted consent ended by expiry when its {@code expiresAt} passed while it was still in force:
     * marked EXPIRED, still GRANTED but past it (the scan has not run yet), or past it before it was
     * superseded or revoked.
     */
    private static Optional<End> expiry(Consent c, OffsetDateTime now) {
        if (c.decision != Decision.GRANTED || c.expiresAt == null) {
            return Optional.empty();
        }
        OffsetDateTime inForceUntil = c.state == ConsentState.GRANTED || c.state == ConsentState.EXPIRED ? now
                : c.stateChangedAt;
        return c.expiresAt.isAfter(inForceUntil) ? Optional.empty() : Optional.of(new End(Kind.EXPIRY, c.expiresAt, c.id));
    }
}
