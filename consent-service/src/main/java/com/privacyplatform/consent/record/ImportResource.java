package com.privacyplatform.consent.record;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Idempotency;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.consent.receipt.ReceiptSigner;
import com.privacyplatform.consent.record.ConsentViews.RecordResult;
import com.privacyplatform.consent.record.ConsentViews.RecordedConsent;
import com.privacyplatform.consent.record.ImportRequests.ImportRequest;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A compliance officer's documented migration of decisions collected before the recording window (1.2). */
@Path("/consents/imports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consent imports")
public class ImportResource {

    static final String EXAMPLE = """
            {"partnerId": "2b9ab027-cb68-523d-81ec-293ae3eaf63b",
             "migration": {"reference": "MIG-2026-017",
                           "justification": "Consents collected by the partner's legacy shop before onboarding, exported from its consent log and checked against the signed notices"},
             "collection": {"subjectId": "6b1f2c1e-3d4a-4f5b-8c6d-00000000a11c", "jurisdiction": "CN", "language": "zh-CN",
               "channel": "WEB", "collectedAt": "2026-06-01T08:00:00Z",
               "notice": {"version": "2026-05", "textHash": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
               "legalBasis": "EXPRESS_CONSENT", "method": "CHECKBOX",
               "purposes": [{"purpose": "payment_processing", "categories": ["user.name"], "granted": true}]}}""";

    static final String CONFLICT_EXAMPLE = """
            {"type": "https://privacy-platform.example/problems/decision-predates-revocation",
             "title": "Decision dated before the subject's revocation, refusal or expiry", "status": 409,
             "detail": "1 purpose(s) dated before the subject's last revocation, refusal or expiry; a new consent needs a new collection after it. The first: 3.5.a: purposes[0] (payment_processing) was collected at 2026-06-01T08:00:00Z, not after the subject's revocation at 2026-07-01T10:00:00Z (consent 019ac3b1-7c2d-7e41-9a0b-3c4d5e6f7a8b)",
             "instance": "/consents/imports", "clause": "3.5.a", "correlationId": "5f0c2a9e-8d41-4b7a-9c3e-2b1d0e9f8a7c",
             "errors": [{"field": "collection.collectedAt", "message": "3.5.a: purposes[0] (payment_processing) was collected at 2026-06-01T08:00:00Z, not after the subject's revocation at 2026-07-01T10:00:00Z (consent 019ac3b1-7c2d-7e41-9a0b-3c4d5e6f7a8b)"}]}""";

    private final RecordService records;
    private final ConsentViewMapper views;
    private final ReceiptSigner receipts;
    private final Idempotency idempotency;
    private final Caller caller;

    public ImportResource(RecordService records, ConsentViewMapper views, ReceiptSigner receipts,
            Idempotency idempotency, Caller caller) {
        this.records = records;
        this.views = views;
        this.receipts = receipts;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Import decisions collected before the recording window as a documented migration",
            description = "Compliance officers only. A partner records decisions within consent.record."
                    + "max-collection-age (30 days) of their collection; older ones come in here, with a migration"
                    + " reference and justification that appear in each decision's history (cause IMPORTED) and on"
                    + " the audit trail. Every other rule of POST /consents applies: 422 for a policy rule, 409"
                    + " decision-predates-revocation for a decision dated before the subject's revocation, refusal or"
                    + " expiry (a backdated import cannot undo the subject's decision either). Field paths name the"
                    + " body (collection.purposes[0].purpose). Accepts Idempotency-Key.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "a legacy consent", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "One record and receipt per purpose",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; errors name the fields")
    @APIResponse(responseCode = "409", description = "A decision dated before the subject's revocation, refusal or"
            + " expiry; nothing recorded", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "predates a revocation", value = CONFLICT_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "A policy rule refused the import; clause and errors[].field name it")
    @Enforces("1.2")
    public Uni<Response> importDecisions(@Valid @NotNull ImportRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        // the partner and the subject's decisions are read before the recording transaction opens (RecordService#known)
        return records.known(request.partnerId(), request.collection().subjectId()).chain(known -> idempotency
                .runInTransaction(idempotencyKey, caller.auditActor().actor(), List.of("POST /consents/imports", request),
                () -> records.importMigrated(request, known).map(imported -> Response
                        .created(URI.create("/consents/" + imported.get(0).id))
                        .entity(new RecordResult(imported.stream().map(c -> new RecordedConsent(views.view(c),
                                receipts.sign(c, views.recipientsFor(c)))).toList()))
                        .build())));
    }
}
