package com.privacyplatform.commons.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * SHA-256 over a length-prefixed encoding of every field and the previous hash, so no two
 * different records (or a field boundary moved between fields) can share a hash input. The
 * encoding is the one of the first chain, so records chained before lock-free appends still verify.
 */
final class AuditHashes {

    static final String GENESIS = "0".repeat(64);

    private AuditHashes() {
    }

    static String of(long seq, AuditEntry e, String prevHash) {
        StringBuilder in = new StringBuilder(256);
        append(in, Long.toString(seq));
        append(in, e.recordedAt().toString());
        append(in, e.actor());
        append(in, e.actorRole());
        append(in, e.action());
        append(in, e.targetType());
        append(in, e.targetId());
        append(in, e.details());
        append(in, prevHash);
        return sha256(in.toString());
    }

    private static void append(StringBuilder in, String value) {
        if (value == null) {
            in.append("-1:;");
        } else {
            in.append(value.length()).append(':').append(value).append(';');
        }
    }

    static String sha256(String input) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** The hashed content of a record: what its writer appended (everything but the chain fields). */
    record AuditEntry(Instant recordedAt, String actor, String actorRole, String action, String targetType,
            String targetId, String details) {
    }
}
