package com.privacyplatform.commons.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;

/**
 * Re-computes the chain from the first record: every hash must match its record, every record
 * must name its predecessor's hash, sequence numbers must be contiguous, and the head must
 * point at the last record. Any edited, deleted, inserted or reordered record breaks one of these.
 */
@ApplicationScoped
public class AuditVerifier {

    private static final int PAGE = 500;

    public Uni<AuditVerification> verify() {
        return Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.find(AuditHead.class, AuditHead.ID))
                .chain(head -> walk(new Walk(head.lastSeq, head.lastHash), 0L, AuditHashes.GENESIS, 0L)));
    }

    private Uni<AuditVerification> walk(Walk walk, long lastSeq, String lastHash, long checked) {
        return Panache.getSession().chain(session -> session
                .createQuery("from AuditRecord where seq > :after order by seq", AuditRecord.class)
                .setParameter("after", lastSeq)
                .setMaxResults(PAGE)
                .getResultList()
                .invoke(page -> page.forEach(session::detach)))
                .chain(page -> check(walk, page, lastSeq, lastHash, checked));
    }

    private Uni<AuditVerification> check(Walk walk, List<AuditRecord> page, long lastSeq, String lastHash,
            long checked) {
        long seq = lastSeq;
        String hash = lastHash;
        long count = checked;
        for (AuditRecord r : page) {
            String problem = problemOf(r, seq, hash);
            if (problem != null) {
                return Uni.createFrom().item(AuditVerification.broken(count, walk.headSeq, walk.headHash, r.seq,
                        problem));
            }
            seq = r.seq;
            hash = r.hash;
            count++;
        }
        if (page.size() == PAGE) {
            return walk(walk, seq, hash, count);
        }
        if (seq != walk.headSeq || !Objects.equals(hash, walk.headHash)) {
            return Uni.createFrom().item(AuditVerification.broken(count, walk.headSeq, walk.headHash,
                    Math.min(seq, walk.headSeq) + 1, "chain ends at record " + seq + " but the head names record "
                            + walk.headSeq + ": records were removed from or added to the end"));
        }
        return Uni.createFrom().item(AuditVerification.ok(count, walk.headSeq, walk.headHash));
    }

    private static String problemOf(AuditRecord r, long previousSeq, String previousHash) {
        if (r.seq != previousSeq + 1) {
            return "record " + (previousSeq + 1) + " is missing (next is " + r.seq + ")";
        }
        if (!Objects.equals(r.prevHash, previousHash)) {
            return "record " + r.seq + " does not link to its predecessor's hash";
        }
        if (!Objects.equals(r.hash, AuditHashes.of(r))) {
            return "record " + r.seq + " was altered: its content does not match its hash";
        }
        return null;
    }

    private record Walk(long headSeq, String headHash) {
    }
}
