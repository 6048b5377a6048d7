package com.privacyplatform.consent.record;

import com.privacyplatform.commons.time.Utc;
import io.vertx.core.json.JsonArray;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The subject's decisions for a partner as the recording's read before its transaction returns them
 * ({@code ProjectionRepository#committedWithDecisionsOf}): detached {@link Consent}s carrying what
 * the timing rule and the supersession need - id, purpose, decision, state, collection, state change,
 * expiry and version.
 */
final class DecisionRows {

    private DecisionRows() {
    }

    /** @param json a JSON array of {@code [id, purpose, decision, state, collected_at, state_changed_at, expires_at, version]}, or null */
    static List<Consent> parse(UUID partnerId, String subjectId, String json) {
        if (json == null) {
            return List.of();
        }
        List<Consent> out = new ArrayList<>();
        for (Object item : new JsonArray(json)) {
            JsonArray row = (JsonArray) item;
            Consent c = new Consent();
            c.id = UUID.fromString(row.getString(0));
            c.partnerId = partnerId;
            c.subjectId = subjectId;
            c.purpose = row.getString(1);
            c.decision = Decision.valueOf(row.getString(2));
            c.state = ConsentState.valueOf(row.getString(3));
            c.collectedAt = time(row.getString(4));
            c.stateChangedAt = time(row.getString(5));
            c.expiresAt = time(row.getString(6));
            c.version = row.getLong(7);
            out.add(c);
        }
        return out;
    }

    private static OffsetDateTime time(String json) {
        return json == null ? null : Utc.utc(OffsetDateTime.parse(json));
    }
}
