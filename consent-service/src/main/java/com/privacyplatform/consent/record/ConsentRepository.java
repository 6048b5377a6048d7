package com.privacyplatform.consent.record;

import com.privacyplatform.api.vocabulary.Vocabulary;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<Consent, UUID> {

    /**
     * Filters of {@code GET /consents}. {@code onlySubject} / {@code onlyPartner} are the caller's
     * visibility (3.4.f) and are ANDed with the requested filters, never replaced by them.
     */
    public record ConsentFilter(String subjectId, UUID partnerId, String purpose, ConsentState state,
            String onlySubject, UUID onlyPartner) {
    }

    /** Keyset page in id order (ids are UUID v7: recording order). */
    public Uni<List<Consent>> page(ConsentFilter f, UUID afterId, int max) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        and(q, params, "id > :after", "after", afterId);
        and(q, params, "subjectId = :subject", "subject", f.subjectId());
        and(q, params, "partnerId = :partner", "partner", f.partnerId());
        and(q, params, "purpose = :purpose", "purpose", f.purpose());
        and(q, params, "state = :state", "state", f.state());
        and(q, params, "subjectId = :onlySubject", "onlySubject", f.onlySubject());
        and(q, params, "partnerId = :onlyPartner", "onlyPartner", f.onlyPartner());
        return find(q.toString(), Sort.by("id"), params).range(0, max - 1).list();
    }

    /** GRANTED consents of a subject, optionally only with the given partners (empty = all). */
    public Uni<List<Consent>> grantedOfSubject(String subjectId, List<UUID> partnerIds) {
        if (partnerIds == null || partnerIds.isEmpty()) {
            return list("subjectId = ?1 and state = ?2 order by id", subjectId, ConsentState.GRANTED);
        }
        return list("subjectId = ?1 and state = ?2 and partnerId in ?3 order by id", subjectId, ConsentState.GRANTED,
                partnerIds);
    }

    /**
     * 3.5.d: the partner's GRANTED consents that its termination revokes - all but the subjects'
     * express consents to retention after the end of the cooperation (vocabulary purposes marked
     * survivesTermination), which the termination leaves standing.
     */
    public Uni<List<Consent>> revocableAtTermination(UUID partnerId) {
        return list("partnerId = ?1 and state = ?2 and purpose not in ?3 order by id", partnerId, ConsentState.GRANTED,
                retentionPurposes());
    }

    /**
     * The first {@code max} of {@link #revocableAtTermination} by id after {@code after} (null: from the
     * first): a chunk of a bulk revocation. The bound keeps each chunk's read to its own rows - without
     * it every chunk would step again over the index entries of all the consents revoked before it.
     */
    public Uni<List<Consent>> revocableAtTermination(UUID partnerId, UUID after, int max) {
        return after == null
                ? find("partnerId = ?1 and state = ?2 and purpose not in ?3 order by id", partnerId,
                        ConsentState.GRANTED, retentionPurposes()).range(0, max - 1).list()
                : find("partnerId = ?1 and state = ?2 and purpose not in ?3 and id > ?4 order by id", partnerId,
                        ConsentState.GRANTED, retentionPurposes(), after).range(0, max - 1).list();
    }

    private static List<String> retentionPurposes() {
        List<String> purposes = Vocabulary.get().retentionPurposes();
        return purposes.isEmpty() ? List.of("") : purposes; // "not in ()" is no valid query
    }

    /** Every decision that granted something to a partner for this subject: who may hold the data. */
    public Uni<List<Consent>> grantedDecisionsOfSubject(String subjectId) {
        return list("subjectId = ?1 and decision = ?2 order by id", subjectId, Decision.GRANTED);
    }

    public Uni<List<HistoryEntry>> history(UUID consentId) {
        return HistoryEntry.list("consentId = ?1 order by at, id", consentId);
    }

    private static void and(StringBuilder q, Parameters params, String clause, String name, Object value) {
        if (value != null) {
            q.append(" and ").append(clause);
            params.and(name, value);
        }
    }
}
