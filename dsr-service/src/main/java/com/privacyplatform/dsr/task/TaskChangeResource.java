package com.privacyplatform.dsr.task;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Target;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.dsr.task.TaskRequests.CompletionRequest;
import com.privacyplatform.dsr.task.TaskRequests.RejectionRequest;
import com.privacyplatform.dsr.task.TaskViews.TaskView;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The partner's work on one of its tasks (3.5.a-c): claim, complete with evidence, or reject with a basis. */
@Path("/tasks/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
@RolesAllowed(Roles.PARTNER)
@WithTransaction
@APIResponse(responseCode = "200", description = Versions.CURRENT_STATE,
        content = @Content(schema = @Schema(implementation = TaskView.class)))
public class TaskChangeResource {

    private final TaskService service;

    public TaskChangeResource(TaskService service) {
        this.service = service;
    }

    @POST
    @Path("/claim")
    @Operation(summary = "OPEN -> CLAIMED: someone at the partner is on it")
    public Uni<Response> claim(@BeanParam Target target) {
        return answer(service.claim(target.id(), target.ifMatch()));
    }

    @POST
    @Path("/completion")
    @Operation(summary = "Complete with evidence: ACCESS an export (stored encrypted, expiring), CORRECTION a"
            + " correction record, DELETION a deletion statement or (recipient task) a notice")
    @Enforces({"3.5.b", "3.5.c"})
    public Uni<Response> complete(@BeanParam Target target, @Valid @NotNull CompletionRequest request) {
        return answer(service.complete(target.id(), target.ifMatch(), request));
    }

    @POST
    @Path("/rejection")
    @Operation(summary = "Reject naming a legal basis other than consent (e.g. a retention obligation) and why")
    public Uni<Response> reject(@BeanParam Target target, @Valid @NotNull RejectionRequest request) {
        return answer(service.reject(target.id(), target.ifMatch(), request));
    }

    private Uni<Response> answer(Uni<DsrTask> changed) {
        return changed.chain(t -> service.view(t).map(view -> Versions.ok(view, t.version)));
    }
}
