package com.privacyplatform.dsr.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Rules of dsr-service that an operator may tune. */
@ConfigMapping(prefix = "dsr")
public interface DsrConfig {

    Export export();

    /**
     * Public holidays that business-day deadlines skip and that calendar deadlines roll past where
     * the policy says so: {@code YYYY-MM-DD} for every jurisdiction, {@code CC:YYYY-MM-DD} for one country.
     */
    Optional<List<String>> holidays();

    /**
     * 3.5.c.b: how long a partner has to stop disclosing the subject's data to a third-party recipient
     * and notify it to delete ("immediately"), counted from the request's receipt; an ISO 8601
     * duration. Recipient tasks get this deadline of their own instead of their jurisdiction's.
     */
    @WithDefault("PT72H")
    Duration recipientDeadline();

    /** How often overdue requests and tasks are scanned for ({@code off} disables it). */
    @WithDefault("5m")
    String overdueScan();

    /** How often expired access exports are erased ({@code off} disables it). */
    @WithDefault("1h")
    String exportPurge();

    interface Export {
        /**
         * Base64 of a 128/192/256-bit AES key that seals access exports and correction values at
         * rest. Required in production; %dev and %test generate a throw-away key when absent.
         */
        Optional<String> key();

        /** Stored with every sealed value, so a later key rotation knows which key opens it. */
        @WithDefault("k1")
        String keyId();

        /** How long the subject can download an access export after the partner delivered it. */
        @WithDefault("P30D")
        Duration ttl();

        /** The largest export a partner may deliver, in bytes of JSON. */
        @WithDefault("1048576")
        int maxBytes();
    }
}
