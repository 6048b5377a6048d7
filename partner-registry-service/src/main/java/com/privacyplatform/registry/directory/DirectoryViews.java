package com.privacyplatform.registry.directory;

import com.privacyplatform.api.events.PartnerStatus;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The partner directory's bodies: only public business facts (who the company is, where it is
 * registered, whether it still is a partner). Never contact persons, e-mails, phones, the security
 * officer or the scope: those are personal data (3.2.d) or internal.
 */
public final class DirectoryViews {

    private DirectoryViews() {
    }

    @Schema(name = "PartnerDirectoryEntry",
            description = "A partner's public business facts; no personal data, no internal details.")
    public record DirectoryEntry(
            @Schema(description = "The partner id (as on consents and requests)") UUID partnerId,
            @Schema(description = "The registered legal name of the company") String legalName,
            @Schema(description = "Country of registration, ISO 3166-1 alpha-2") String jurisdiction,
            @Schema(description = "PENDING, ACTIVE, SUSPENDED or TERMINATED (cooperation ended)") PartnerStatus status) {
    }

    @Schema(name = "PartnerDirectory",
            description = "The entries of the asked ids that exist, in the order asked; unknown ids are absent.")
    public record Directory(List<DirectoryEntry> items) {
    }
}
