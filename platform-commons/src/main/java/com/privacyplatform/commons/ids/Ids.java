package com.privacyplatform.commons.ids;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.NameBasedGenerator;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * Identifiers of the platform: time-ordered UUID v7 (RFC 9562) from a maintained generator, so
 * new rows land at the end of their indexes; never database sequences (API-CONVENTIONS.md).
 */
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();
    /** Namespace of the platform's name-based (v5) ids. Never change it: ids derived from it are stored. */
    public static final UUID PLATFORM_NAMESPACE = UUID.fromString("3f0c8a2e-6b1d-5e47-9a53-0d2c7b9e41f6");
    private static final NameBasedGenerator PARTNER_IDS = Generators.nameBasedGenerator(PLATFORM_NAMESPACE);

    private Ids() {
    }

    public static UUID newId() {
        return GENERATOR.generate();
    }

    /**
     * A partner's id, derived from its OIDC client id (UUID v5 in {@link #PLATFORM_NAMESPACE}).
     * The identity provider stamps the same value on the client's tokens as {@code partner_id},
     * so tokens and records agree without a lookup and before the partner is onboarded.
     */
    public static UUID partnerIdFor(String oidcClientId) {
        return PARTNER_IDS.generate("partner:" + oidcClientId);
    }
}
