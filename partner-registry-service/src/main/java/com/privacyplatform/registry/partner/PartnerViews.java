package com.privacyplatform.registry.partner;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.privacyplatform.api.events.PartnerStatus;
import com.privacyplatform.registry.credential.CredentialView;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the partner endpoints; contact values are masked unless the viewer may see them. */
public final class PartnerViews {

    private PartnerViews() {
    }

    @Schema(name = "Contact")
    public record ContactView(String name, String email, String phone) {
    }

    @Schema(name = "SecurityOfficer", description = "3.4.d; masked (3.2.d) for viewers other than compliance officers and the partner itself.")
    public record SecurityOfficerView(String name, String email, String phone, String department, Instant updatedAt) {
    }

    @Schema(name = "Partner")
    public record PartnerView(
            UUID id,
            String legalName,
            String jurisdiction,
            String oidcClientId,
            ContactView contact,
            PartnerStatus status,
            String statusReason,
            Instant statusChangedAt,
            @Schema(description = "3.5.d: when every deletion task of the partner's termination was resolved; null"
                    + " until then (a TERMINATED partner keeps its duty routes until this is set)")
            Instant terminationDeletionCompletedAt,
            SecurityOfficerView securityOfficer,
            boolean automatedDecisionAuthorized,
            int scopeVersion,
            Instant createdAt,
            Instant updatedAt,
            long version,
            @Schema(description = "When the partner's OIDC client was disabled (its termination's deletion work is"
                    + " complete); absent while it can obtain tokens")
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant clientDisabledAt,
            @Schema(description = "Only in the answer to onboarding: the credential the partner's new client got"
                    + " (a generated secret is shown here once and kept nowhere)")
            @JsonInclude(JsonInclude.Include.NON_NULL) CredentialView credential) {

        public PartnerView withCredential(CredentialView issued) {
            return new PartnerView(id, legalName, jurisdiction, oidcClientId, contact, status, statusReason,
                    statusChangedAt, terminationDeletionCompletedAt, securityOfficer, automatedDecisionAuthorized,
                    scopeVersion, createdAt, updatedAt,
                    version, clientDisabledAt, issued);
        }
    }

    @Schema(name = "StatusChange")
    public record StatusChangeView(PartnerStatus from, PartnerStatus to, String reason, String actor, Instant changedAt) {
    }
}
