package com.privacyplatform.dsr.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Rules of dsr-service that an operator may tune. */
@ConfigMapping(prefix = "dsr")
public interface DsrConfig {

    Export export();

    /** consent-service's holdings feed, from which the holdings projection is built and reconciled (issue 18.2). */
    ConsentFeed consentFeed();

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

    /** How long a request's sealed correction values stay after it completed or was declined. */
    @WithDefault("P30D")
    Duration correctionRetention();

    /** How often completed requests' correction values are purged ({@code off} disables it). */
    @WithDefault("1h")
    String correctionPurge();

    /** How often values sealed with an earlier key are sealed anew with the current one ({@code off} disables it). */
    @WithDefault("10m")
    String reseal();

    /** Mass deletion orders (3.5.d termination, 3.4.j breach): their fan-out in chunks. */
    MassDeletion massDeletion();

    interface MassDeletion {
        /** Subjects per chunk: each chunk opens their requests and advances the cursor in one transaction. */
        @WithDefault("500")
        int chunkSize();

        /**
         * Chunks opened at once, each in a transaction of its own, before the cursor moves past them all
         * (issue 18.1: the database works on one chunk while the service prepares the next).
         */
        @WithDefault("4")
        int lanes();

        /**
         * How often unfinished fan-outs are looked for and driven to their end (a new order, or one a
         * crash or failure interrupted); {@code off} disables it.
         */
        @WithDefault("1s")
        String resumeEvery();
    }

    interface Export {
        /**
         * Base64 of a 128/192/256-bit AES key that seals access exports and correction values at
         * rest. Required in production; %dev and %test generate a throw-away key when absent.
         */
        Optional<String> key();

        /** The id of {@code key}: stored with every value sealed with it, so a rotation knows which key opens it. */
        @WithDefault("k1")
        String keyId();

        /**
         * Earlier keys, {@code <key id>:<base64 key>} comma-separated: values sealed with them still
         * open, and {@code Resealer} seals them anew with {@code key}. Drop an entry once no value
         * names its id any more (the resealer logs when none is left).
         */
        Optional<List<String>> previousKeys();

        /**
         * The key the HMAC fingerprint key is derived from (duplicate detection, idempotency request
         * fingerprints); default {@code key-id}. After a rotation set it to the first key's id and
         * keep that key in {@code previous-keys}, so fingerprints stored earlier keep matching.
         */
        Optional<String> fingerprintKeyId();

        /** How long the subject can download an access export after the partner delivered it. */
        @WithDefault("P30D")
        Duration ttl();

        /** The largest export a partner may deliver, in bytes of JSON. */
        @WithDefault("1048576")
        int maxBytes();
    }

    interface ConsentFeed {
        /** Off: the projection is fed by consent-service's events only (and counts as built from the start). */
        @WithDefault("true")
        boolean enabled();

        /** Base URL of consent-service (GET /holdings-feed); {@code CONSENT_SERVICE_URL} in deployments. */
        @WithDefault("http://localhost:8082")
        URI url();

        @WithDefault("500")
        int pageSize();
    }
}
