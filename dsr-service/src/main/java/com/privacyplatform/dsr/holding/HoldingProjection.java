package com.privacyplatform.dsr.holding;

import com.privacyplatform.commons.vocabulary.Vocabulary;
import com.privacyplatform.dsr.Times;
import com.privacyplatform.dsr.events.ConsumedEvents.ConsentEnded;
import com.privacyplatform.dsr.events.ConsumedEvents.ConsentGranted;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Applies consent-service's events to the projection. Robust to order: an end that arrives before
 * its grant leaves a placeholder that the grant fills in without reviving the consent. The consent's
 * jurisdiction is kept when it is an ISO 3166-1 code (anything else counts as not named).
 */
@ApplicationScoped
public class HoldingProjection {

    private final HoldingRepository holdings;
    private final Recipients recipients;

    public HoldingProjection(HoldingRepository holdings, Recipients recipients) {
        this.holdings = holdings;
        this.recipients = recipients;
    }

    public Uni<ConsentHolding> granted(ConsentGranted event, OffsetDateTime at) {
        requireIds(event.consentId() != null && event.partnerId() != null && event.subjectId() != null);
        return holdings.findById(event.consentId()).chain(existing -> {
            ConsentHolding h = existing != null ? existing : new ConsentHolding();
            h.consentId = event.consentId();
            h.partnerId = event.partnerId();
            h.subjectId = event.subjectId();
            h.purpose = event.purpose();
            h.categories = event.categories() == null ? List.of() : List.copyOf(event.categories());
            h.recipients = recipients.toJson(event.recipients());
            h.jurisdiction = Vocabulary.isCountryCode(event.jurisdiction()) ? event.jurisdiction() : null;
            h.method = event.method();
            h.collectedAt = event.collectedAt() == null ? null : event.collectedAt().atOffset(ZoneOffset.UTC);
            h.grantedAt = utc(at);
            h.updatedAt = Times.now();
            if (existing == null) {
                h.status = HoldingStatus.ACTIVE;
                return holdings.persist(h);
            }
            return Uni.createFrom().item(h);
        });
    }

    public Uni<ConsentHolding> ended(ConsentEnded event, HoldingStatus status, OffsetDateTime at) {
        requireIds(event.consentId() != null && event.partnerId() != null && event.subjectId() != null);
        return holdings.findById(event.consentId()).chain(existing -> {
            ConsentHolding h = existing;
            if (h == null) {
                h = new ConsentHolding();
                h.consentId = event.consentId();
                h.partnerId = event.partnerId();
                h.subjectId = event.subjectId();
                h.purpose = event.purpose();
                h.categories = List.of();
                h.recipients = "[]";
            }
            h.status = status;
            h.endedAt = utc(at);
            h.endedByRequestId = event.requestId();
            h.updatedAt = Times.now();
            return existing == null ? holdings.persist(h) : Uni.createFrom().item(h);
        });
    }

    private static OffsetDateTime utc(OffsetDateTime at) {
        return (at == null ? Times.now() : at.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static void requireIds(boolean present) {
        if (!present) {
            throw new IllegalArgumentException("consent event without consentId, partnerId or subjectId");
        }
    }
}
