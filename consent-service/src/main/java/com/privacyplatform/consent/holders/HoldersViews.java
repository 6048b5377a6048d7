package com.privacyplatform.consent.holders;

import com.privacyplatform.api.events.PartnerStatus;
import com.privacyplatform.consent.record.Recipient;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class HoldersViews {

    private HoldersViews() {
    }

    @Schema(name = "Holder", description = "A partner that was granted the subject's consent, and its recorded recipients.")
    public record HolderView(
            UUID partnerId,
            @Schema(description = "The partner's status in the projection; null when unknown") PartnerStatus partnerStatus,
            @Schema(description = "Whether a consent is GRANTED now") boolean activeConsent,
            List<String> purposes,
            List<String> categories,
            @Schema(description = "Third parties recorded on the consents (3.3.a); person names and contacts masked"
                    + " unless the subject reads their own (3.2.d)") List<Recipient> recipients) {
    }

    @Schema(name = "Holders")
    public record HoldersView(String subjectId, List<HolderView> holders) {
    }
}
