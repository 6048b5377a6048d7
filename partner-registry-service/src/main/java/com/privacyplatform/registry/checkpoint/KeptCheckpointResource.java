package com.privacyplatform.registry.checkpoint;

import com.privacyplatform.commons.audit.CheckpointView;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The copy of every service's signed audit checkpoints kept here, for auditors and compliance
 * officers (4.1, 1.8): take a service's checkpoints from here and send them to that service's
 * {@code POST /audit-records/verification}, which checks its chain against them with its public key.
 */
@Path("/audit-checkpoints")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
@Tag(name = "Audit checkpoints kept for the platform")
@Enforces({"4.1", "1.8"})
public class KeptCheckpointResource {

    private final KeptCheckpointRepository kept;

    public KeptCheckpointResource(KeptCheckpointRepository kept) {
        this.kept = kept;
    }

    @GET
    @WithSession
    @Enforces({"4.1", "1.8"})
    @Operation(summary = "The signed checkpoints of one service (source, e.g. /consent-service), in signing order")
    public Uni<Page<CheckpointView>> list(@QueryParam("source") String source, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        if (source == null || source.isBlank()) {
            throw ProblemException.validation("name the service whose checkpoints to list",
                    List.of(new Problem.FieldError("source", "is required, e.g. /consent-service")));
        }
        int size = Cursors.limit(limit);
        UUID after = Cursors.decodeUuid(cursor);
        return kept.page(source, after, size + 1)
                .map(rows -> Cursors.page(rows.stream().map(KeptCheckpoint::view).toList(), size,
                        v -> v.id().toString()));
    }
}
