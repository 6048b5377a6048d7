package com.privacyplatform.consent.record;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Idempotency;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.paging.Page;
import com.privacyplatform.consent.receipt.ReceiptSigner;
import com.privacyplatform.consent.record.ConsentViews.ConsentView;
import com.privacyplatform.consent.record.ConsentViews.HistoryView;
import com.privacyplatform.consent.record.ConsentViews.RecordResult;
import com.privacyplatform.consent.record.ConsentViews.RecordedConsent;
import com.privacyplatform.consent.record.RecordRequests.RecordRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Recording and reading consent decisions. */
@Path("/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consents")
public class ConsentResource {

    static final String EXAMPLE = """
            {"subjectId": "6b1f2c1e-3d4a-4f5b-8c6d-00000000a11c", "jurisdiction": "CN", "language": "zh-CN",
             "channel": "MOBILE_APP", "collectedAt": "2026-11-26T09:30:00Z", "expiresAt": "2027-11-26T09:30:00Z",
             "notice": {"version": "2026-11", "textHash": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
             "legalBasis": "EXPRESS_CONSENT", "method": "CHECKBOX",
             "recipients": [{"name": "Acme Logistics Ltd.", "country": "SG", "kind": "ORGANIZATION"}],
             "purposes": [
               {"purpose": "payment_processing", "categories": ["user.name", "user.financial.bank_account"], "granted": true},
               {"purpose": "marketing.communications", "categories": ["user.contact.email"], "granted": false}]}""";

    static final String PROBLEM_EXAMPLE = """
            {"type": "https://privacy-platform.example/problems/out-of-scope",
             "title": "Outside the partner's permitted scope", "status": 422,
             "detail": "1 policy violation(s); the first: 3.1.b: purpose marketing.communications is not in the partner's permitted scope",
             "instance": "/consents", "clause": "3.1.b", "correlationId": "5f0c2a9e-8d41-4b7a-9c3e-2b1d0e9f8a7c",
             "errors": [{"field": "purposes[1].purpose",
                         "message": "3.1.b: purpose marketing.communications is not in the partner's permitted scope"}]}""";

    private final RecordService records;
    private final ConsentQueries queries;
    private final ConsentViewMapper views;
    private final ReceiptSigner receipts;
    private final Idempotency idempotency;
    private final Caller caller;

    public ConsentResource(RecordService records, ConsentQueries queries, ConsentViewMapper views,
            ReceiptSigner receipts, Idempotency idempotency, Caller caller) {
        this.records = records;
        this.queries = queries;
        this.views = views;
        this.receipts = receipts;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Record a subject's decisions, one per purpose (1.2), each with a signed receipt",
            description = "Each purpose is decided and stored on its own (GRANTED or REFUSED). Refused as a whole"
                    + " with 422 naming the clause when a purpose or category is outside the partner's scope (3.1.b),"
                    + " a sensitive category lacks an express method (3.1.c), automated decision-making is not"
                    + " authorized (3.2.c), disclosure names no recipients (3.3.a) or the partner is not ACTIVE, and"
                    + " with 422 collected-too-long-ago (1.2) when collectedAt lies more than"
                    + " consent.record.max-collection-age (30 days) in the past (older decisions: POST /consents/imports,"
                    + " compliance officers). 409 decision-predates-revocation when a purpose's collectedAt is not after"
                    + " the subject's latest revocation, refusal or expiry for this partner and purpose: a fresh consent"
                    + " is a new collection. Accepts Idempotency-Key.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "two purposes, one refused", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "One record and receipt per purpose",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; errors name the fields")
    @APIResponse(responseCode = "409", description = "decision-predates-revocation (clause 3.5.a, 1.2 or 3.2.b), or a"
            + " concurrent record of the same purpose; nothing recorded")
    @APIResponse(responseCode = "422", description = "A policy rule refused the request; clause and errors[].field name it",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "out of scope",
                    value = PROBLEM_EXAMPLE)))
    @Enforces({"1.1", "1.2"})
    public Uni<Response> record(@Valid @NotNull RecordRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        UUID partnerId = caller.requirePartnerId();
        // the partner and the subject's decisions are read before the recording transaction opens (RecordService#known);
        // a first decision of one purpose without Idempotency-Key is one statement, with no transaction block
        return records.known(partnerId, request.subjectId()).chain(known -> idempotencyKey == null
                && records.isOneStatement(request, known)
                ? records.recordAlone(partnerId, request, known).map(this::created)
                : idempotency.runInTransaction(idempotencyKey, caller.auditActor().actor(),
                        List.of("POST /consents", request),
                        () -> records.record(partnerId, request, known).map(this::created)));
    }

    private Response created(List<Consent> recorded) {
        return Response.created(URI.create("/consents/" + recorded.get(0).id))
                .entity(new RecordResult(recorded.stream().map(c -> new RecordedConsent(views.view(c),
                        receipts.sign(c, views.recipientsFor(c)))).toList()))
                .build();
    }

    @GET
    @RolesAllowed({Roles.DATA_SUBJECT, Roles.PARTNER, Roles.OFFICER, Roles.AUDITOR})
    @WithSession
    @Operation(summary = "List consents: a subject their own (across partners), a partner its own, officers and"
            + " auditors all; keyset pages in recording order")
    @Enforces("1.2")
    public Uni<Page<ConsentView>> list(@QueryParam("subjectId") String subjectId,
            @QueryParam("partnerId") String partnerId, @QueryParam("purpose") String purpose,
            @QueryParam("state") String state, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return queries.list(subjectId, partnerId, purpose, state, limit, cursor)
                .map(page -> page.map(views::view));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DATA_SUBJECT, Roles.PARTNER, Roles.OFFICER, Roles.AUDITOR})
    @WithSession
    @Operation(summary = "Read one consent; another tenant's consent is 404")
    @APIResponse(responseCode = "200", description = "The consent, with its version as ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "404", description = "No such consent, or another tenant's")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return queries.load(id).map(c -> Versions.ok(views.view(c), c.version));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.DATA_SUBJECT, Roles.PARTNER, Roles.OFFICER, Roles.AUDITOR})
    @WithSession
    @Operation(summary = "Every state the consent has been in, oldest first (appended, never overwritten)")
    public Uni<List<HistoryView>> history(@PathParam("id") UUID id) {
        return queries.history(id, views);
    }
}
