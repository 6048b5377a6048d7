package com.privacyplatform.consent.check;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.problem.Problem.FieldError;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.projection.ProjectionSync;
import com.privacyplatform.api.vocabulary.Vocabulary;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.consent.check.CheckRequests.CheckDecision;
import com.privacyplatform.consent.check.CheckRequests.CheckRequest;
import com.privacyplatform.consent.check.CheckRequests.CheckView;
import com.privacyplatform.consent.partner.PartnerReconciliation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The consent check, the hot path: no ORM session, one indexed read. */
@Path("/consents/check")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consent check")
public class CheckResource {

    private final CheckService checks;
    private final Caller caller;
    private final ProjectionSync projections;
    private final PlatformClock clock;

    public CheckResource(CheckService checks, Caller caller, ProjectionSync projections, PlatformClock clock) {
        this.checks = checks;
        this.caller = caller;
        this.projections = projections;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({Roles.PARTNER, Roles.OFFICER, Roles.SERVICE})
    @Operation(summary = "May partner P process category C of subject S for purpose U now - and, with a recipient,"
            + " disclose it to that third party? ALLOW or DENY with the reason; fails closed (DENY / CHECK_UNAVAILABLE)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {@ExampleObject(name = "check",
            value = "{\"subjectId\": \"6b1f2c1e-3d4a-4f5b-8c6d-00000000a11c\", \"purpose\": \"payment_processing\","
                    + " \"category\": \"user.financial.bank_account\"}"), @ExampleObject(name = "disclosure",
            value = "{\"subjectId\": \"6b1f2c1e-3d4a-4f5b-8c6d-00000000a11c\", \"purpose\": \"third_party_sharing\","
                    + " \"category\": \"user.contact.email\", \"recipient\": \"Acme Logistics Ltd.\"}")}))
    @APIResponse(responseCode = "200", description = "The answer", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = CheckView.class),
            examples = {
                @ExampleObject(name = "allow", value = "{\"decision\": \"ALLOW\", \"reason\": \"CONSENT_GRANTED\","
                        + " \"consentId\": \"019ac3b1-7c2d-7e41-9a0b-3c4d5e6f7a8b\", \"expiresAt\": \"2027-11-26T09:30:00Z\","
                        + " \"legalBasis\": \"EXPRESS_CONSENT\", \"checkedAt\": \"2026-11-26T10:00:00.123Z\"}"),
                @ExampleObject(name = "deny", value = "{\"decision\": \"DENY\", \"reason\": \"CONSENT_REVOKED\","
                        + " \"clause\": \"3.5.a\", \"consentId\": \"019ac3b1-7c2d-7e41-9a0b-3c4d5e6f7a8b\","
                        + " \"checkedAt\": \"2026-11-26T10:00:00.123Z\"}"),
                @ExampleObject(name = "recipient not named", value = "{\"decision\": \"DENY\","
                        + " \"reason\": \"RECIPIENT_NOT_AUTHORIZED\", \"clause\": \"3.3.a\","
                        + " \"consentId\": \"019ac3b1-7c2d-7e41-9a0b-3c4d5e6f7a8b\","
                        + " \"checkedAt\": \"2026-11-26T10:00:00.123Z\"}")}))
    @Enforces({"3.2.a", "3.2.b", "3.3.a"})
    public Uni<CheckView> check(@Valid @NotNull CheckRequest request) {
        validate(request);
        UUID partnerId = partnerOf(request);
        // 503 until the partner projection is first built from the registry (issue 18.2)
        projections.requireBuilt(PartnerReconciliation.PROJECTION);
        return checks.check(partnerId, request.subjectId(), request.purpose(), request.category(), request.recipient())
                .map(r -> new CheckView(r.allowed() ? CheckDecision.ALLOW : CheckDecision.DENY, r.reason(),
                        r.reason().clause(), r.consentId(), r.expiresAt(), r.legalBasis(), clock.instant()));
    }

    /** A partner checks for itself only; officers and platform services name the partner. */
    private UUID partnerOf(CheckRequest request) {
        if (caller.isPartner()) {
            UUID own = caller.requirePartnerId();
            if (request.partnerId() != null && !request.partnerId().equals(own)) {
                throw ProblemException.forbidden("a partner checks its own processing only");
            }
            return own;
        }
        if (request.partnerId() == null) {
            throw ProblemException.validation("partnerId is required",
                    List.of(new FieldError("partnerId", "is required for callers that are not a partner")));
        }
        return request.partnerId();
    }

    private static void validate(CheckRequest request) {
        Vocabulary vocabulary = Vocabulary.get();
        List<FieldError> errors = new ArrayList<>();
        if (!vocabulary.isPurpose(request.purpose())) {
            errors.add(new FieldError("purpose", "is not a purpose of the vocabulary"));
        }
        if (!vocabulary.isCategory(request.category())) {
            errors.add(new FieldError("category", "is not a data category of the vocabulary"));
        }
        if (request.recipient() != null && request.recipient().isBlank()) {
            errors.add(new FieldError("recipient", "must name the recipient when given"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors.size() + " field(s) failed validation", errors);
        }
    }
}
