package com.privacyplatform.registry.transfer;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TransferRepository implements PanacheRepositoryBase<Transfer, UUID> {

    /** The partner's transfer with this id, or null (also when it belongs to another partner). */
    public Uni<Transfer> findOf(UUID partnerId, UUID id) {
        return find("id = ?1 and partnerId = ?2", id, partnerId).firstResult();
    }

    /** Keyset page in id order (ids are time-ordered); {@code after} is the last id of the previous page. */
    public Uni<List<Transfer>> page(UUID partnerId, TransferStatus status, String destination, UUID after, int max) {
        StringBuilder q = new StringBuilder("partnerId = :partnerId");
        Parameters params = Parameters.with("partnerId", partnerId);
        if (status != null) {
            q.append(" and status = :status");
            params.and("status", status);
        }
        if (destination != null) {
            q.append(" and destinationCountry = :destination");
            params.and("destination", destination);
        }
        if (after != null) {
            q.append(" and id > :after");
            params.and("after", after);
        }
        return find(q.toString(), Sort.by("id"), params).range(0, max - 1).list();
    }

    /** 3.3.c: the partner's APPROVED transfers to a country. */
    public Uni<List<Transfer>> approvedTo(UUID partnerId, String country) {
        return list("partnerId = ?1 and destinationCountry = ?2 and status = ?3 order by id", partnerId, country,
                TransferStatus.APPROVED);
    }
}
