package com.privacyplatform.consent.revocation;

import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.consent.record.Cause;
import com.privacyplatform.consent.record.Consent;
import com.privacyplatform.consent.record.ConsentEvents;
import com.privacyplatform.consent.record.ConsentRepository;
import com.privacyplatform.consent.record.ConsentState;
import com.privacyplatform.consent.record.HistoryEntry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Revocation, whoever asks (3.5.a): the subject, the partner on the subject's behalf, a dsr-service
 * request or the partner's termination. The state moves to REVOKED, a history entry is appended,
 * {@code consent.revoked} goes to the outbox and the audit trail records it - one transaction.
 */
@ApplicationScoped
public class Revocations {

    /** Consents revoked per transaction when a partner is terminated. */
    static final int CHUNK = 500;
    /** JDBC batch size for the history inserts and consent updates of one chunk. */
    private static final int BATCH = 100;
    private static final AuditActor TERMINATION = AuditActor.system("partner-registry-service");

    private final ConsentRepository consents;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final PlatformClock clock;

    public Revocations(ConsentRepository consents, Outbox outbox, AuditTrail audit, PlatformClock clock) {
        this.consents = consents;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Revokes a GRANTED consent; call inside a transaction with a managed entity. */
    @Enforces("3.5.a")
    public Uni<Consent> revoke(Consent c, Cause cause, String reason, AuditActor actor, UUID requestId) {
        if (c.state != ConsentState.GRANTED) {
            throw new IllegalStateException("only a GRANTED consent can be revoked, not " + c.state);
        }
        OffsetDateTime at = clock.now();
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

    /**
     * Revokes GRANTED consents on the caller's session and transaction, as one batch: the same
     * state change, history entry, {@code consent.revoked} event and audit record per consent as
     * {@link #revoke}, but the events go out with one {@link Outbox#publishAll} and the audit
     * records with one {@link AuditTrail#recordAll} (the hash chain is the same as that many
     * appends in a row). Returns how many were revoked.
     */
    @Enforces("3.5.a")
    public Uni<Integer> revokeAll(List<Consent> granted, Cause cause, String reason, AuditActor actor,
            UUID requestId) {
        if (granted.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        for (Consent c : granted) {
            if (c.state != ConsentState.GRANTED) {
                throw new IllegalStateException("only a GRANTED consent can be revoked, not " + c.state);
            }
        }
        OffsetDateTime at = clock.now();
        List<Object> history = new ArrayList<>(granted.size());
        List<Outbox.Event> events = new ArrayList<>(granted.size());
        List<AuditTrail.Entry> audits = new ArrayList<>(granted.size());
        String details = "{\"cause\":\"" + cause + "\"" + (requestId == null ? "" : ",\"requestId\":\"" + requestId
                + "\"") + "}";
        for (Consent c : granted) {
            c.state = ConsentState.REVOKED;
            c.stateChangedAt = at;
            history.add(HistoryEntry.of(c, ConsentState.GRANTED, cause, reason, actor, requestId, at));
            events.add(new Outbox.Event(ConsentEvents.REVOKED, c.id.toString(), new ConsentEvents.Revoked(c.id,
                    c.partnerId, c.subjectId, c.purpose, List.of(c.categories), cause, requestId, at.toInstant())));
            audits.add(new AuditTrail.Entry("consent.revoked", "consent", c.id.toString(), details));
        }
        return Panache.getSession()
                .invoke(session -> session.setBatchSize(BATCH))
                .chain(session -> session.persistAll(history.toArray()))
                .chain(() -> outbox.publishAll(events))
                .chain(() -> audit.recordAll(actor, audits))
                .chain(consents::flush)
                .replaceWith(granted.size());
    }

    /**
     * 3.5.d: a terminated partner keeps no consent; each is revoked with the termination as reason -
     * except a subject's express consent to retention after the end of the cooperation, the one
     * consent 3.5.d lets outlive it.
     * Runs in transactions of its own, {@value #CHUNK} consents each, so no transaction grows with
     * the partner's size: call it outside any transaction. Each chunk commits its revocations with
     * their events and audit records; what a chunk has revoked is no longer GRANTED, so a re-run
     * (a redelivered {@code partner.terminated}, or one after a crash between chunks) takes up
     * exactly the consents still granted and never revokes or publishes one twice.
     *
     * @return how many consents this run revoked
     */
    @Enforces("3.5.d")
    public Uni<Integer> revokeAllOfTerminatedPartner(UUID partnerId, String reason) {
        return chunks(partnerId, terminationReason(reason), null, 0);
    }

    /**
     * 3.5.d inside the caller's transaction: revokes what is still granted (after
     * {@link #revokeAllOfTerminatedPartner} has run, only consents granted while it ran).
     */
    @Enforces("3.5.d")
    public Uni<Integer> revokeRemainingOfTerminatedPartner(UUID partnerId, String reason) {
        return consents.revocableAtTermination(partnerId).chain(granted -> revokeAll(granted, Cause.PARTNER_TERMINATED,
                terminationReason(reason), TERMINATION, null));
    }

    /**
     * One chunk per transaction: the first {@value #CHUNK} still granted after the previous chunk's last
     * id (a keyset cursor, so each read is as cheap as the first). A consent granted behind the cursor
     * while the chunks run is left to {@link #revokeRemainingOfTerminatedPartner}, which reads them all.
     */
    private Uni<Integer> chunks(UUID partnerId, String reason, UUID after, int revoked) {
        return Panache.withTransaction(() -> consents.revocableAtTermination(partnerId, after, CHUNK)
                        .chain(granted -> revokeAll(granted, Cause.PARTNER_TERMINATED, reason, TERMINATION, null)
                                .replaceWith(Chunk.of(granted))))
                .chain(chunk -> chunk.size() < CHUNK
                        ? Uni.createFrom().item(revoked + chunk.size())
                        : chunks(partnerId, reason, chunk.last(), revoked + chunk.size()));
    }

    /**
     * What the next chunk needs of one: its size and last id. Only this small value passes from one
     * chunk to the next, never the chunk's entities: each step is nested in the one before until the
     * last completes, so whatever a step hands on stays in memory for the whole termination.
     */
    private record Chunk(int size, UUID last) {
        static Chunk of(List<Consent> granted) {
            return new Chunk(granted.size(), granted.isEmpty() ? null : granted.get(granted.size() - 1).id);
        }
    }

    private static String terminationReason(String reason) {
        return "partner terminated" + (reason == null || reason.isBlank() ? "" : ": " + reason);
    }
}
