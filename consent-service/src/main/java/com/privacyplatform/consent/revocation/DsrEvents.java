package com.privacyplatform.consent.revocation;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;

/** The dsr-service events this service consumes. */
public final class DsrEvents {

    public static final String REVOCATION_REQUESTED = "dsr.revocation-requested";

    private DsrEvents() {
    }

    /** A REVOKE_AUTHORIZATION request: revoke the subject's consents with these partners (empty = all). */
    @RegisterForReflection
    public record RevocationRequested(UUID requestId, String subjectId, List<UUID> partnerIds, String reason) {
    }
}
