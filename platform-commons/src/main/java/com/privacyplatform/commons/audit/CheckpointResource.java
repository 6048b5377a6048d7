package com.privacyplatform.commons.audit;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import com.privacyplatform.commons.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Signed checkpoints of the audit chain (4.1, 1.8): the service's own copy, signing on demand,
 * and the public keys to check them with. The registry keeps the outside copy.
 */
@Path("/audit-records/checkpoints")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
@Tag(name = "Audit trail")
@Enforces({"4.1", "1.8"})
public class CheckpointResource {

    private final AuditCheckpoints checkpoints;
    private final CheckpointKeys keys;

    public CheckpointResource(AuditCheckpoints checkpoints, CheckpointKeys keys) {
        this.checkpoints = checkpoints;
        this.keys = keys;
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    @Enforces({"4.1", "1.8"})
    @Operation(summary = "Sign the chain's head now (after linking every committed record) and publish the checkpoint")
    public Uni<Response> sign() {
        if (!checkpoints.enabled()) {
            throw ProblemException.conflict("this service signs no audit checkpoints (it writes no audit records)");
        }
        return checkpoints.signNow().map(cp -> Response.created(URI.create("/audit-records/checkpoints/" + cp.id()))
                .entity(cp).build());
    }

    @GET
    @Enforces({"4.1", "1.8"})
    @Operation(summary = "The service's own copy of its signed checkpoints, in signing order")
    public Uni<Page<CheckpointView>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(limit);
        UUID after = Cursors.decodeUuid(cursor);
        return checkpoints.list(after, size + 1)
                .map(list -> Cursors.page(list, size, cp -> cp.id().toString()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One signed checkpoint")
    public Uni<CheckpointView> get(@PathParam("id") UUID id) {
        return checkpoints.find(id).map(cp -> {
            if (cp == null) {
                throw ProblemException.notFound("no checkpoint " + id);
            }
            return cp;
        });
    }

    @GET
    @Path("/keys")
    @Operation(summary = "The public keys this service's checkpoints verify with (Ed25519, X.509 DER in base64)")
    public List<CheckpointKeyView> keys() {
        return keys.trusted().entrySet().stream()
                .map(e -> new CheckpointKeyView(e.getKey(), CheckpointKeys.ALGORITHM, CheckpointKeys.encoded(e.getValue())))
                .sorted(java.util.Comparator.comparing(CheckpointKeyView::keyId))
                .toList();
    }
}
