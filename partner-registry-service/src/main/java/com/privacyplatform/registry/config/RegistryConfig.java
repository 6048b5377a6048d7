package com.privacyplatform.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Rules of the registry that an operator may tune. */
@ConfigMapping(prefix = "registry")
public interface RegistryConfig {

    Audit audit();

    Inspection inspection();

    PartnerClients partnerClients();

    /** How often overdue inspections and audit findings are scanned for ({@code off} disables it). */
    @WithDefault("5m")
    String overdueScan();

    interface Audit {
        /** 4.4: the least advance notice before an audit starts. */
        @WithDefault("P14D")
        Duration minimumNotice();
    }

    /** The partners' OIDC clients that onboarding creates in Keycloak (credential package). */
    interface PartnerClients {
        /** The realm that holds the partners' clients (the realm whose tokens the platform accepts). */
        @WithDefault("privacy")
        String realm();

        /**
         * Lifetime of a partner's access tokens. Kept short: a rotated or disabled credential cannot
         * recall tokens already issued, they stay valid until they expire.
         */
        @WithDefault("PT5M")
        Duration tokenLifespan();
    }

    interface Inspection {
        /** 3.4.e: self-inspections fall due this many months after the previous period ended (or activation). */
        @WithDefault("12")
        int intervalMonths();
    }
}
