package com.privacyplatform.registry.processor;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProcessorRepository implements PanacheRepositoryBase<Processor, UUID> {

    /** The partner's processor with this id, or null (also when it belongs to another partner). */
    public Uni<Processor> findOf(UUID partnerId, UUID id) {
        return find("id = ?1 and partnerId = ?2", id, partnerId).firstResult();
    }

    /** Keyset page in id order (ids are time-ordered); {@code after} is the last id of the previous page. */
    public Uni<List<Processor>> page(UUID partnerId, ProcessorStatus status, UUID after, int max) {
        StringBuilder q = new StringBuilder("partnerId = :partnerId");
        Parameters params = Parameters.with("partnerId", partnerId);
        if (status != null) {
            q.append(" and status = :status");
            params.and("status", status);
        }
        if (after != null) {
            q.append(" and id > :after");
            params.and("after", after);
        }
        return find(q.toString(), Sort.by("id"), params).range(0, max - 1).list();
    }

    /** PROPOSED and ACTIVE processors: those the partner's scope must keep covering. */
    public Uni<List<Processor>> binding(UUID partnerId) {
        return list("partnerId = ?1 and status in ?2 order by id", partnerId,
                List.of(ProcessorStatus.PROPOSED, ProcessorStatus.ACTIVE));
    }

    /** ACTIVE processors located in a country. */
    public Uni<List<Processor>> activeIn(UUID partnerId, String country) {
        return list("partnerId = ?1 and country = ?2 and status = ?3 order by id", partnerId, country,
                ProcessorStatus.ACTIVE);
    }
}
