package com.privacyplatform.commons.audit;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Queries over the audit trail. */
@ApplicationScoped
public class AuditRecords implements PanacheRepository<AuditRecord> {

    public Uni<List<AuditRecord>> list(String targetType, String targetId, long afterSeq, int max) {
        StringBuilder query = new StringBuilder("seq > :after");
        Parameters params = Parameters.with("after", afterSeq);
        if (targetType != null && !targetType.isBlank()) {
            query.append(" and targetType = :targetType");
            params.and("targetType", targetType);
        }
        if (targetId != null && !targetId.isBlank()) {
            query.append(" and targetId = :targetId");
            params.and("targetId", targetId);
        }
        return find(query.toString(), Sort.by("seq"), params).range(0, max - 1).list();
    }
}
