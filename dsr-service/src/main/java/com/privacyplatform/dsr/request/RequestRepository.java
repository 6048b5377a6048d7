package com.privacyplatform.dsr.request;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RequestRepository implements PanacheRepositoryBase<DsrRequest, UUID> {

    /** The subject's first OPEN request with the same fingerprint (type, partners, changes), except {@code besides}. */
    public Uni<DsrRequest> openDuplicate(String subjectId, String fingerprint, UUID besides) {
        return find("subjectId = ?1 and fingerprint = ?2 and status = ?3 and id <> ?4 order by submittedAt, id",
                subjectId, fingerprint, RequestStatus.OPEN, besides).firstResult();
    }

    /**
     * The partner's own earlier submission for the subject, still awaiting confirmation, with the same
     * fingerprint. Only its own: a partner must not learn of other partners' or the subject's requests.
     */
    public Uni<DsrRequest> awaitingDuplicate(String subjectId, String fingerprint, UUID partnerId) {
        return find("subjectId = ?1 and fingerprint = ?2 and status = ?3 and onBehalfPartnerId = ?4"
                + " order by submittedAt, id", subjectId, fingerprint, RequestStatus.AWAITING_SUBJECT_CONFIRMATION,
                partnerId).firstResult();
    }

    /** Locks the request row: task resolutions of one request are serialised, so exactly one completes it. */
    public Uni<DsrRequest> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<DsrRequest>> linkedTo(UUID id) {
        return list("linkedRequestId = ?1 and status = ?2 order by submittedAt, id", id, RequestStatus.LINKED);
    }

    /** Serialises submissions of one subject, so two identical requests cannot both miss each other. */
    public Uni<Void> lockSubject(String subjectId) {
        return getSession().chain(s -> s.createNativeQuery(
                        "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(:key))) locked")
                .setParameter("key", "dsr-subject:" + subjectId)
                .getSingleResult())
                .replaceWithVoid();
    }

    /** Keyset page in (submittedAt, id) order. */
    public Uni<List<DsrRequest>> page(RequestFilter f, OffsetDateTime afterSubmitted, UUID afterId, int max) {
        StringBuilder q = new StringBuilder("from DsrRequest r where 1 = 1");
        Parameters p = new Parameters();
        if (afterSubmitted != null) {
            q.append(" and (r.submittedAt > :after or (r.submittedAt = :after and r.id > :afterId))");
            p.and("after", afterSubmitted).and("afterId", afterId);
        }
        if (f.subjectId() != null) {
            q.append(" and r.subjectId = :subject");
            p.and("subject", f.subjectId());
        }
        if (f.status() != null) {
            q.append(" and r.status = :status");
            p.and("status", f.status());
        }
        if (f.type() != null) {
            q.append(" and r.type = :type");
            p.and("type", f.type());
        }
        if (f.origin() != null) {
            q.append(" and r.origin = :origin");
            p.and("origin", f.origin());
        }
        if (f.partnerId() != null) {
            q.append(" and exists (from DsrTask t where t.requestId = r.id and t.partnerId = :partner)");
            p.and("partner", f.partnerId());
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            q.append(" and r.status = :open and r.dueOn < :today");
            p.and("open", RequestStatus.OPEN).and("today", f.today());
        }
        q.append(" order by r.submittedAt, r.id");
        return find(q.toString(), p).range(0, max - 1).list();
    }

    public record RequestFilter(String subjectId, RequestStatus status, RequestType type, RequestOrigin origin,
            UUID partnerId, Boolean overdue, LocalDate today) {
    }
}
