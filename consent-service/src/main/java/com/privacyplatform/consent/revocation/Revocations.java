package com.privacyplatform.consent.revocation;

import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.commons.clause.Enforces;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.consent.record.Cause;
import com.privacyplatform.consent.record.Consent;
import com.privacyplatform.consent.record.ConsentEvents;
import com.privacyplatform.consent.record.ConsentRepository;
import com.privacyplatform.consent.record.ConsentState;
import com.privacyplatform.consent.record.HistoryEntry;
import com.privacyplatform.consent.record.RecordService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Revocation, whoever asks (3.5.a): the subject, the partner on the subject's behalf, a dsr-service
 * request or the partner's termination. The state moves to REVOKED, a history entry is appended,
 * {@code consent.revoked} goes to the outbox and the audit trail records it - one transaction.
 */
@ApplicationScoped
public class Revocations {

    private final ConsentRepository consents;
    private final Outbox outbox;
    private final AuditTrail audit;

    public Revocations(ConsentRepository consents, Outbox outbox, AuditTrail audit) {
        this.consents = consents;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Revokes a GRANTED consent; call inside a transaction with a managed entity. */
    @Enforces("3.5.a")
    public Uni<Consent> revoke(Consent c, Cause cause, String reason, AuditActor actor, UUID requestId) {
        if (c.state != ConsentState.GRANTED) {
            throw new IllegalStateException("only a GRANTED consent can be revoked, not " + c.state);
        }
        OffsetDateTime at = RecordService.now();
        c.state = ConsentState.REVOKED;
        c.stateChangedAt = at;
        return HistoryEntry.of(c, ConsentState.GRANTED, cause, reason, actor, requestId, at).persist()
                .call(() -> outbox.publish(ConsentEvents.REVOKED, c.id.toString(), new ConsentEvents.Revoked(c.id,
                        c.partnerId, c.subjectId, c.purpose, List.of(c.categories), cause, requestId, at.toInstant())))
                .call(() -> audit.record(actor, "consent.revoked", "consent", c.id.toString(),
                        "{\"cause\":\"" + cause + "\"" + (requestId == null ? "" : ",\"requestId\":\"" + requestId + "\"")
                                + "}"))
                .call(consents::flush) // the version in the answer is the one written
                .replaceWith(c);
    }

    /** Revokes each consent in turn on the one session; returns how many were revoked. */
    public Uni<Integer> revokeAll(List<Consent> granted, Cause cause, String reason, AuditActor actor,
            UUID requestId) {
        return Multi.createFrom().iterable(granted)
                .onItem().transformToUniAndConcatenate(c -> revoke(c, cause, reason, actor, requestId))
                .collect().asList()
                .map(List::size);
    }

    /** 3.5.d: a terminated partner keeps no consent; each is revoked with the termination as reason. */
    @Enforces("3.5.d")
    public Uni<Integer> revokeAllOfTerminatedPartner(UUID partnerId, String reason) {
        return consents.grantedOfPartner(partnerId).chain(granted -> revokeAll(granted, Cause.PARTNER_TERMINATED,
                "partner terminated" + (reason == null || reason.isBlank() ? "" : ": " + reason),
                AuditActor.system("partner-registry-service"), null));
    }
}
