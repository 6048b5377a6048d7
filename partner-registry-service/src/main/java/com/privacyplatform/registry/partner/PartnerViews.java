package com.privacyplatform.registry.partner;

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
            SecurityOfficerView securityOfficer,
            boolean automatedDecisionAuthorized,
            int scopeVersion,
            Instant createdAt,
            Instant updatedAt,
            long version) {
    }

    @Schema(name = "StatusChange")
    public record StatusChangeView(PartnerStatus from, PartnerStatus to, String reason, String actor, Instant changedAt) {
    }
}
