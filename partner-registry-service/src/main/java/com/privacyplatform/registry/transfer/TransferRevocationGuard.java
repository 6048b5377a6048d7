package com.privacyplatform.registry.transfer;

import com.privacyplatform.registry.partner.Partner;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Lets other features refuse the revocation of a transfer that their records still rely on (an
 * ACTIVE processor abroad needs an APPROVED transfer, 3.3.c). Runs in the revocation transaction
 * with the partner row locked; fail with a {@code ProblemException} (409) naming what is in the way.
 */
public interface TransferRevocationGuard {

    /**
     * @param revoked   the transfer about to be revoked
     * @param remaining the partner's other APPROVED transfers to the same country
     */
    Uni<Void> check(Partner partner, Transfer revoked, List<Transfer> remaining);
}
