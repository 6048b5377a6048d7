package com.privacyplatform.registry.checkpoint;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Queries over the kept checkpoints: per signing service, in signing order (ids are time-ordered v7). */
@ApplicationScoped
public class KeptCheckpointRepository implements PanacheRepositoryBase<KeptCheckpoint, UUID> {

    Uni<List<KeptCheckpoint>> page(String source, UUID after, int max) {
        return find("source = :source and id > :after", Sort.by("id"),
                Parameters.with("source", source).and("after", after == null ? new UUID(0L, 0L) : after))
                .range(0, max - 1).list();
    }
}
