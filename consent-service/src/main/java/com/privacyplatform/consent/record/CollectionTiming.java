package com.privacyplatform.consent.record;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.Problem.FieldError;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.problem.ProblemType;
import com.privacyplatform.commons.time.Utc;
import com.privacyplatform.consent.record.DecisionEnds.End;
import com.privacyplatform.consent.record.RecordRequests.RecordRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When a decision may be recorded (DESIGN "Decisions are final for the past"): its collection lies
 * after the subject's latest revocation, refusal or expiry for the partner and purpose - a fresh
 * consent is a new collection, never a record dated before the subject's "no" - and the partner
 * records it promptly; older collections come in only as a compliance officer's documented migration.
 */
final class CollectionTiming {

    static final String PREDATES = "decision-predates-revocation";
    static final String TOO_OLD = "collected-too-long-ago";

    private CollectionTiming() {
    }

    /** 1.2: the partner records what it collected within the window; older decisions only as an officer's import. */
    @Enforces(value = "1.2", note = "collectedAt older than consent.record.max-collection-age only as a documented migration")
    static void requireRecent(RecordRequest r, Instant now, Duration maxAge) {
        if (!r.collectedAt().isBefore(now.minus(maxAge))) {
            return;
        }
        String window = words(maxAge);
        throw ProblemException.policy("1.2", TOO_OLD, "Collected too long ago", "collectedAt " + r.collectedAt()
                + " lies more than " + window + " in the past: a partner records decisions when it collects them;"
                + " older ones only a compliance officer imports, as a documented migration",
                List.of(new FieldError("collectedAt", "1.2: lies more than " + window + " before now")));
    }

    /**
     * 3.5.a, 1.2: every purpose's collection lies strictly after the subject's latest revocation
     * (also by a data-subject request or the partner's termination), refusal or expiry for that
     * partner and purpose; otherwise 409 naming the clause of the first, nothing recorded.
     */
    @Enforces({"1.2", "3.5.a", "3.2.b"})
    static void requireAfterLastEnds(RecordRequest r, Map<String, End> latestEnds) {
        OffsetDateTime collected = Utc.utc(r.collectedAt());
        List<FieldError> errors = new ArrayList<>();
        End first = null;
        for (int i = 0; i < r.purposes().size(); i++) {
            String purpose = r.purposes().get(i).purpose();
            End end = latestEnds.get(purpose);
            if (end != null && !collected.isAfter(end.at())) {
                first = first == null ? end : first;
                errors.add(new FieldError("collectedAt", end.kind().clause() + ": purposes[" + i + "] (" + purpose
                        + ") was collected at " + collected.toInstant() + ", not after the subject's "
                        + end.kind().words() + " at " + end.at().toInstant() + " (consent " + end.consentId() + ")"));
            }
        }
        if (first != null) {
            throw new ProblemException(new Problem(ProblemType.BASE_URI + PREDATES,
                    "Decision dated before the subject's revocation, refusal or expiry", 409, errors.size()
                            + " purpose(s) dated before the subject's last revocation, refusal or expiry; a new consent"
                            + " needs a new collection after it. The first: " + errors.get(0).message(),
                    null, first.kind().clause(), null, List.copyOf(errors)), null);
        }
    }

    private static String words(Duration window) {
        return window.toSeconds() % 86_400 == 0 ? window.toDays() + " days" : window.toString();
    }
}
