package com.privacyplatform.dsr.export;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ExportRepository implements PanacheRepositoryBase<AccessExport, UUID> {

    public Uni<List<AccessExport>> ofRequest(UUID requestId) {
        return list("requestId = ?1 order by createdAt, id", requestId);
    }

    /** Erases the sealed content of every export expired at {@code now}; returns how many were erased. */
    public Uni<Integer> purgeExpired(OffsetDateTime now) {
        return getSession().chain(s -> s.createNativeQuery("UPDATE access_export SET sealed = NULL, nonce = NULL,"
                + " purged_at = :now WHERE expires_at <= :now AND purged_at IS NULL").setParameter("now", now)
                .executeUpdate());
    }
}
