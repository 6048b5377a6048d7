package com.privacyplatform.commons.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a length-prefixed encoding of every field and the previous hash, so no two
 * different records (or a field boundary moved between fields) can share a hash input.
 */
final class AuditHashes {

    static final String GENESIS = "0".repeat(64);

    private AuditHashes() {
    }

    static String of(AuditRecord r) {
        StringBuilder in = new StringBuilder(256);
        append(in, Long.toString(r.seq));
        append(in, r.recordedAt.toInstant().toString());
        append(in, r.actor);
        append(in, r.actorRole);
        append(in, r.action);
        append(in, r.targetType);
        append(in, r.targetId);
        append(in, r.details);
        append(in, r.prevHash);
        return sha256(in.toString());
    }

    private static void append(StringBuilder in, String value) {
        if (value == null) {
            in.append("-1:;");
        } else {
            in.append(value.length()).append(':').append(value).append(';');
        }
    }

    private static String sha256(String input) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
