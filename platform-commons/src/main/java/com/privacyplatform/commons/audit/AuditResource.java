package com.privacyplatform.commons.audit;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every service's audit trail, readable and verifiable by compliance officers and auditors
 * (4.1 assessment and audit; 1.8 supervision). Shared so that all services expose it alike.
 */
@Path("/audit-records")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
@Tag(name = "Audit trail")
@Enforces({"4.1", "1.8"})
public class AuditResource {

    private final AuditRecords records;
    private final AuditVerifier verifier;

    public AuditResource(AuditRecords records, AuditVerifier verifier) {
        this.records = records;
        this.verifier = verifier;
    }

    @GET
    @WithSession
    @Enforces({"4.1", "1.8"})
    @Operation(summary = "List audit records in chain order, optionally for one target")
    public Uni<Page<AuditRecordView>> list(@QueryParam("targetType") String targetType,
            @QueryParam("targetId") String targetId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(limit);
        long after = Cursors.decodeLong(cursor, 0L);
        return records.list(targetType, targetId, after, size + 1)
                .map(list -> Cursors.page(list.stream().map(AuditRecordView::of).toList(), size,
                        v -> Long.toString(v.seq())));
    }

    @GET
    @Path("/verification")
    @Enforces({"4.1", "1.8"})
    @Operation(summary = "Verify the whole hash chain against the service's own signed checkpoints: detects edited,"
            + " deleted, inserted or reordered records; records not chained yet are counted apart")
    public Uni<AuditVerification> verify() {
        return verifier.verify();
    }

    @POST
    @Path("/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Enforces({"4.1", "1.8"})
    @Operation(summary = "Verify the whole hash chain against the signed checkpoints given (the copy kept outside"
            + " this service): also detects a chain rewritten and re-hashed with the database's credentials")
    public Uni<AuditVerification> verifyAgainst(@NotNull @Valid VerificationRequest request) {
        return verifier.verify(request.checkpoints());
    }
}
