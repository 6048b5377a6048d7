package com.privacyplatform.dsr.holding;

import com.privacyplatform.dsr.events.ConsumedEvents.RecipientData;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One item of consent-service's {@code GET /holdings-feed}: a granted consent as consent-service
 * announces it, and what became of it.
 */
@RegisterForReflection
public record FeedHolding(UUID consentId, UUID partnerId, String subjectId, String purpose, List<String> categories,
        List<RecipientData> recipients, String jurisdiction, String method, Instant collectedAt,
        Instant grantedAt, HoldingStatus status, Instant endedAt, UUID endedByRequestId) {
}
