package com.privacyplatform.consent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Everything an operator tunes in consent-service; see the README for each setting. */
@ConfigMapping(prefix = "consent")
public interface ConsentConfig {

    Receipts receipts();

    Registry registry();

    Record record();

    Check check();

    Expiry expiry();

    interface Receipts {
        /** The {@code iss} of every receipt. */
        String issuer();

        /** A JWK set (JSON) with the private signing key(s) and any retired public keys still published. */
        Optional<String> jwks();

        /** The same as a file; used when {@code jwks} is not set. */
        Optional<Path> jwksFile();

        /** The {@code kid} of the key that signs new receipts; defaults to the only private key. */
        Optional<String> activeKeyId();

        /** Generate a throwaway EC P-256 key when none is configured: only for %dev and %test. */
        @WithDefault("false")
        boolean generateDevKey();
    }

    interface Registry {
        /** Base URL of partner-registry-service (GET /partner-snapshots). */
        URI url();

        Bootstrap bootstrap();

        interface Bootstrap {
            @WithDefault("true")
            boolean enabled();

            @WithDefault("200")
            int pageSize();

        }
    }

    interface Record {
        /** How far in the future a collection time may lie (clock skew of the partner's systems). */
        @WithDefault("PT5M")
        Duration maxClockSkew();

        /**
         * How long after its collection a decision may still be recorded by the partner; older ones
         * only through a compliance officer's documented migration ({@code POST /consents/imports}).
         */
        @WithDefault("P30D")
        Duration maxCollectionAge();
    }

    interface Check {
        /** A check that takes longer is answered DENY / CHECK_UNAVAILABLE (fail closed). */
        @WithDefault("2S")
        Duration timeout();
    }

    interface Expiry {
        /** How often the expiry scan runs (a Quarkus scheduler interval; {@code off} disables it). */
        @WithDefault("1m")
        String every();

        /** Consents expired per scan transaction; the scan repeats until none are left. */
        @WithDefault("500")
        int batchSize();
    }
}
