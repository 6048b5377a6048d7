package com.privacyplatform.dsr.holding;

import com.privacyplatform.api.vocabulary.Vocabulary;
import com.privacyplatform.commons.time.PlatformClock;
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
    private final PlatformClock clock;

    public HoldingProjection(HoldingRepository holdings, Recipients recipients, PlatformClock clock) {
        this.holdings = holdings;
        this.recipients = recipients;
        this.clock = clock;
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
            h.updatedAt = clock.now();
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
            h.updatedAt = clock.now();
            return existing == null ? holdings.persist(h) : Uni.createFrom().item(h);
        });
    }

    /** What a reconciliation did to one holding: repaired it (drift), and whether it now ended there. */
    public record Change(boolean repaired, boolean ended) {
    }

    /**
     * Issue 18.2: makes the holding what consent-service's feed says it is. A holding that was missing
     * or differs counts as repaired; {@code ended} when the repair is the consent's end (its
     * revocation or expiry, whose event was lost), so that the caller confirms what waited for it.
     */
    public Uni<Change> reconcile(FeedHolding f) {
        requireIds(f.consentId() != null && f.partnerId() != null && f.subjectId() != null && f.status() != null);
        return holdings.findById(f.consentId()).chain(existing -> {
            ConsentHolding h = existing != null ? existing : new ConsentHolding();
            List<String> categories = f.categories() == null ? List.of() : List.copyOf(f.categories());
            String recipientJson = recipients.toJson(f.recipients());
            String jurisdiction = Vocabulary.isCountryCode(f.jurisdiction()) ? f.jurisdiction() : null;
            OffsetDateTime collectedAt = f.collectedAt() == null ? null : f.collectedAt().atOffset(ZoneOffset.UTC);
            boolean same = existing != null && f.partnerId().equals(h.partnerId) && f.subjectId().equals(h.subjectId)
                    && java.util.Objects.equals(f.purpose(), h.purpose) && categories.equals(h.categories)
                    && recipientJson.equals(h.recipients) && java.util.Objects.equals(jurisdiction, h.jurisdiction)
                    && java.util.Objects.equals(f.method(), h.method) && sameInstant(collectedAt, h.collectedAt)
                    && f.status() == h.status;
            if (same) {
                return Uni.createFrom().item(new Change(false, false));
            }
            boolean ended = f.status() != HoldingStatus.ACTIVE && (existing == null || h.status != f.status());
            h.consentId = f.consentId();
            h.partnerId = f.partnerId();
            h.subjectId = f.subjectId();
            h.purpose = f.purpose();
            h.categories = categories;
            h.recipients = recipientJson;
            h.jurisdiction = jurisdiction;
            h.method = f.method();
            h.collectedAt = collectedAt;
            if (h.grantedAt == null && f.grantedAt() != null) {
                h.grantedAt = f.grantedAt().atOffset(ZoneOffset.UTC);
            }
            if (h.status != f.status()) {
                h.status = f.status();
                h.endedAt = f.endedAt() == null ? null : f.endedAt().atOffset(ZoneOffset.UTC);
                h.endedByRequestId = f.endedByRequestId();
            }
            h.updatedAt = clock.now();
            Change change = new Change(true, ended);
            return existing == null ? holdings.persist(h).replaceWith(change) : Uni.createFrom().item(change);
        });
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.toInstant().equals(b.toInstant());
    }

    private OffsetDateTime utc(OffsetDateTime at) {
        return (at == null ? clock.now() : at.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static void requireIds(boolean present) {
        if (!present) {
            throw new IllegalArgumentException("consent event without consentId, partnerId or subjectId");
        }
    }
}
