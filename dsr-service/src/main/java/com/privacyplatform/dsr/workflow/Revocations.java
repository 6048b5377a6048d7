package com.privacyplatform.dsr.workflow;

import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.dsr.events.DsrEvents;
import com.privacyplatform.dsr.holding.ConsentHolding;
import com.privacyplatform.dsr.holding.HoldingStatus;
import com.privacyplatform.dsr.request.DsrRequest;
import com.privacyplatform.dsr.request.RequestOutcome;
import com.privacyplatform.dsr.request.RequestRepository;
import com.privacyplatform.dsr.request.RequestStatus;
import com.privacyplatform.dsr.request.Timeline;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * REVOKE_AUTHORIZATION (3.5.a): asks consent-service, through {@code dsr.revocation-requested}, to
 * revoke the consents that the projection shows active, remembers them as targets, and completes
 * the request once every target is confirmed ended by consent-service ({@code consent.revoked}, or
 * {@code consent.expired} - either way the authorization is gone).
 */
@ApplicationScoped
public class Revocations {

    static final String REASON = "revocation of authorization requested by the data subject (3.5.a)";

    private final RequestRepository requests;
    private final Completion completion;
    private final Outbox outbox;
    private final Timeline timeline;

    public Revocations(RequestRepository requests, Completion completion, Outbox outbox, Timeline timeline) {
        this.requests = requests;
        this.completion = completion;
        this.outbox = outbox;
        this.timeline = timeline;
    }

    @Enforces(value = "3.5.a", note = "revocation of authorizations through consent-service")
    public Uni<Void> start(DsrRequest r, List<ConsentHolding> active, List<UUID> partnerIds, AuditActor actor) {
        DsrEvents.RevocationRequested event = new DsrEvents.RevocationRequested(r.id, r.subjectId,
                partnerIds == null ? List.of() : partnerIds, REASON);
        return Multi.createFrom().iterable(active)
                .onItem().transformToUniAndConcatenate(h -> insertTarget(r.id, h))
                .collect().last()
                .chain(() -> outbox.publish(DsrEvents.REVOCATION_REQUESTED, r.id.toString(), event))
                .call(() -> timeline.add(r.id, Timeline.REVOCATION_REQUESTED, actor.actor(),
                        "{\"consents\":" + active.size() + "}"))
                .chain(() -> active.isEmpty()
                        ? completion.finish(r, RequestOutcome.NO_DATA_HELD, 0, 0, 0, false, actor)
                        : Uni.createFrom().voidItem());
    }

    /** A consent ended: confirm it for every request waiting on it and complete those that wait no more. */
    public Uni<Void> consentEnded(UUID consentId, HoldingStatus how, AuditActor actor) {
        return pendingRequestsOf(consentId)
                .call(ids -> confirm(consentId, how))
                .chain(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> afterConfirmation(id, consentId, how, actor))
                        .collect().last())
                .replaceWithVoid();
    }

    /** (targets, confirmed) of a request. */
    public Uni<long[]> progress(UUID requestId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT count(*), count(confirmed_at)"
                        + " FROM revocation_target WHERE request_id = :r", Object[].class)
                .setParameter("r", requestId).getSingleResult())
                .map(row -> new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()});
    }

    private Uni<Void> afterConfirmation(UUID requestId, UUID consentId, HoldingStatus how, AuditActor actor) {
        return requests.lock(requestId).chain(r -> timeline.add(r.id, Timeline.CONSENT_ENDED, actor.actor(),
                        "{\"consentId\":\"" + consentId + "\",\"as\":\"" + how + "\"}")
                .chain(() -> progress(r.id))
                .chain(p -> p[0] == p[1] && r.status == RequestStatus.OPEN
                        ? completion.finish(r, RequestOutcome.FULFILLED, 0, 0, 0,
                                completion.lateWithoutTasks(r), actor)
                        : Uni.createFrom().voidItem()));
    }

    private Uni<Void> insertTarget(UUID requestId, ConsentHolding h) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO revocation_target (request_id,"
                        + " consent_id, partner_id) VALUES (:r, :c, :p) ON CONFLICT DO NOTHING")
                .setParameter("r", requestId).setParameter("c", h.consentId).setParameter("p", h.partnerId)
                .executeUpdate()).replaceWithVoid();
    }

    private Uni<List<UUID>> pendingRequestsOf(UUID consentId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT DISTINCT request_id FROM revocation_target"
                        + " WHERE consent_id = :c AND confirmed_at IS NULL ORDER BY request_id")
                .setParameter("c", consentId).getResultList())
                .map(rows -> rows.stream().map(o -> UUID.fromString(o.toString())).toList());
    }

    private Uni<Void> confirm(UUID consentId, HoldingStatus how) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE revocation_target SET confirmed_at = now(),"
                        + " confirmed_as = :how WHERE consent_id = :c AND confirmed_at IS NULL")
                .setParameter("how", how.name()).setParameter("c", consentId)
                .executeUpdate()).replaceWithVoid();
    }
}
