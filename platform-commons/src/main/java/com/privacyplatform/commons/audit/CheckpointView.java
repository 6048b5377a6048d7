package com.privacyplatform.commons.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.UUID;

/**
 * A signed checkpoint of a service's audit chain: "the chain of {@code source} had record
 * {@code seq} with hash {@code hash} at {@code signedAt}", signed with Ed25519 by key
 * {@code keyId}. The same record is the API view, the {@code audit.checkpoint-signed} event's
 * data, what the keeping service stores and serves, and what verification accepts back.
 */
public record CheckpointView(@NotNull UUID id, @NotBlank String source, @NotNull @PositiveOrZero Long seq,
        @NotBlank String hash, @NotNull Instant signedAt, @NotBlank String keyId, @NotBlank String algorithm,
        @NotBlank String signature) {

    /** The CloudEvents type of a new checkpoint. */
    public static final String EVENT_TYPE = "audit.checkpoint-signed";

    /** The exact bytes that are signed: every field but the signature, one per line. */
    String payload() {
        return "privacy-platform audit checkpoint v1\n" + "id=" + id + "\nsource=" + source + "\nseq=" + seq
                + "\nhash=" + hash + "\nsignedAt=" + signedAt + "\nkeyId=" + keyId + "\nalgorithm=" + algorithm;
    }
}
