package com.privacyplatform.consent.revocation;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.http.Target;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.consent.record.Cause;
import com.privacyplatform.consent.record.ConsentQueries;
import com.privacyplatform.consent.record.ConsentState;
import com.privacyplatform.consent.record.ConsentViewMapper;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import com.privacyplatform.consent.record.ConsentViews.ConsentView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Revocation by the subject, or by the partner on the subject's behalf (3.5.a). */
@Path("/consents/{id}/revocation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consents")
public class RevocationResource {

    private final ConsentQueries queries;
    private final Revocations revocations;
    private final ConsentViewMapper views;
    private final Changes changes;
    private final Caller caller;

    public RevocationResource(ConsentQueries queries, Revocations revocations, ConsentViewMapper views,
            Changes changes, Caller caller) {
        this.queries = queries;
        this.revocations = revocations;
        this.views = views;
        this.changes = changes;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.DATA_SUBJECT, Roles.PARTNER})
    @WithTransaction
    @Operation(summary = "Revoke a GRANTED consent at any time (3.5.a); the subject their own, the partner on the"
            + " subject's behalf. 409 when it is not GRANTED. Accepts If-Match.")
    @APIResponse(responseCode = "200", description = "The revoked consent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "404", description = "No such consent, or not the caller's")
    @APIResponse(responseCode = "409", description = "The consent is not GRANTED")
    @APIResponse(responseCode = "412", description = "If-Match names a stale version")
    @Enforces("3.5.a")
    public Uni<Response> revoke(@BeanParam Target target, @Valid RevocationRequest request) {
        String reason = request == null || request.reason() == null || request.reason().isBlank() ? null
                : request.reason().strip();
        Cause cause = caller.isDataSubject() ? Cause.SUBJECT : Cause.PARTNER;
        return changes.apply(queries.load(target.id()), c -> c.version, target.ifMatch(), c -> {
            if (c.state != ConsentState.GRANTED) {
                throw ProblemException.conflict("the consent is " + c.state + "; only a GRANTED consent can be revoked");
            }
            return Changes.trailedBy(revocations.revoke(c, cause, reason, caller.auditActor(), null));
        }).map(c -> Versions.ok(views.view(c), c.version));
    }
}
