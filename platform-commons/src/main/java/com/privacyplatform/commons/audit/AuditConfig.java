package com.privacyplatform.commons.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Audit trail settings: the chainer that links appended records, and the signed checkpoints. */
@ConfigMapping(prefix = "platform.audit")
public interface AuditConfig {

    Chainer chainer();

    Checkpoints checkpoints();

    interface Checkpoints {
        /**
         * Whether this service signs checkpoints (a service that writes no audit records may turn
         * it off; then no key is needed and verification ignores checkpoints).
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * The Ed25519 signing key, PKCS#8 DER in base64 (from a secret, never from the database).
         * Required in production; dev and test runs generate a key per start when it is absent.
         */
        Optional<String> signingKey();

        /** The signing key's public half, X.509 SubjectPublicKeyInfo DER in base64 (same secret). */
        Optional<String> publicKey();

        /** Public keys (same encoding) of earlier signing keys whose checkpoints still verify. */
        Optional<List<String>> trustedKeys();

        /** How often the head is signed when it moved (on-demand signing is always possible). */
        @WithDefault("5M")
        Duration interval();

        /**
         * A directory where each checkpoint is also written as JSON after it committed, e.g. an
         * object-storage bucket mounted into the pod; unset: no file copy.
         */
        Optional<String> archiveDirectory();
    }

    interface Chainer {
        /** Whether this instance takes part in the chainer election (one chains at a time per database). */
        @WithDefault("true")
        boolean enabled();

        /** Records linked per chainer transaction. */
        @WithDefault("2000")
        int batchSize();

        /** Fallback poll; commits normally wake the chainer at once via LISTEN/NOTIFY. */
        @WithDefault("1S")
        Duration pollInterval();

        /**
         * How long a commit's NOTIFY waits before it starts a run, so that one run links every
         * record committed meanwhile instead of one transaction per commit (0: at once).
         */
        @WithDefault("5MS")
        Duration linger();

        /** When another replica holds the chainer lock, try again after this long. */
        @WithDefault("50MS")
        Duration busyRetry();
    }
}
