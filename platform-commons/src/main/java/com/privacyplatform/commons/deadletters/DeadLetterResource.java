package com.privacyplatform.commons.deadletters;

import com.privacyplatform.commons.deadletters.DeadLetterViews.DeadLetterMessagesView;
import com.privacyplatform.commons.deadletters.DeadLetterViews.DeadLetterQueuesView;
import com.privacyplatform.commons.deadletters.DeadLetterViews.DeadLetterView;
import com.privacyplatform.commons.deadletters.DeadLetterViews.DiscardView;
import com.privacyplatform.commons.deadletters.DeadLetterViews.ReplayView;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.paging.Cursors;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The dead-letter queues of this service's own consumers, for compliance officers (the operator's
 * tool: {@code ./platform dlq}). Shared so that every service exposes it alike; the gateway serves
 * it as {@code /api/dead-letters/{service}/...}.
 */
@Path("/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OFFICER)
@Tag(name = "Dead letters")
public class DeadLetterResource {

    private final DeadLetters deadLetters;
    private final Caller caller;

    public DeadLetterResource(DeadLetters deadLetters, Caller caller) {
        this.deadLetters = deadLetters;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Each consumer queue's dead letters: how many, the oldest and newest with their death reason")
    public Uni<DeadLetterQueuesView> queues() {
        return deadLetters.queues();
    }

    @GET
    @Path("/{queue}/messages")
    @Operation(summary = "The messages in a consumer queue's dead-letter queue, oldest first (ids, types, last death)")
    public Uni<DeadLetterMessagesView> messages(@PathParam("queue") String queue, @QueryParam("limit") Integer limit) {
        return deadLetters.messages(queue, Cursors.limit(limit));
    }

    @GET
    @Path("/{queue}/messages/{messageId}")
    @Operation(summary = "One dead letter, every value of its data that could be personal masked (3.2.d)")
    public Uni<DeadLetterView> show(@PathParam("queue") String queue, @PathParam("messageId") String messageId) {
        return deadLetters.show(queue, messageId);
    }

    @POST
    @Path("/{queue}/messages/{messageId}/replay")
    @Operation(summary = "Put a dead letter back on the queue it failed on, and on no other (audited)")
    public Uni<ReplayView> replay(@PathParam("queue") String queue, @PathParam("messageId") String messageId) {
        return deadLetters.replay(queue, messageId, caller.auditActor());
    }

    @POST
    @Path("/{queue}/messages/{messageId}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Drop a dead letter for good, with the reason written to the audit trail")
    public Uni<DiscardView> discard(@PathParam("queue") String queue, @PathParam("messageId") String messageId,
            @NotNull @Valid DiscardRequest request) {
        return deadLetters.discard(queue, messageId, request.reason(), caller.auditActor());
    }
}
