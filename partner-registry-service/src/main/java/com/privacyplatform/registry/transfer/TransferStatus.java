package com.privacyplatform.registry.transfer;

import java.util.Map;
import java.util.Set;

/**
 * 3.3.c: a cross-border transfer is PENDING_APPROVAL until the compliance officer APPROVES or
 * REJECTS it; an APPROVED transfer can be REVOKED. REJECTED and REVOKED are final.
 */
public enum TransferStatus {
    PENDING_APPROVAL, APPROVED, REJECTED, REVOKED;

    private static final Map<TransferStatus, Set<TransferStatus>> ALLOWED = Map.of(
            PENDING_APPROVAL, Set.of(APPROVED, REJECTED),
            APPROVED, Set.of(REVOKED),
            REJECTED, Set.of(),
            REVOKED, Set.of());

    public boolean canBecome(TransferStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
