package com.privacyplatform.commons.http;

import java.util.List;

/**
 * The literal path segments of the platform's APIs, in one place: every literal of every JAX-RS
 * {@code @Path} of every module (platform-commons' {@code PathShapeTest} reads the repository's
 * sources and fails on a literal missing here), the gateway's own routes ({@code api}, {@code audit},
 * {@code services}, {@code gateway}, {@code restrictions}, the backends' names) and the privacy
 * center's root. {@link PathShape} keeps exactly these; any other segment - an id, a subject id such
 * as {@code alice} (16.3), a queue name - becomes {@code {id}}.
 *
 * <p>Looked up without allocating: an open-addressing table of the words' hash codes, compared
 * against the path's characters in place.
 */
final class PathWords {

    static final List<String> WORDS = List.of(
            // the gateway's own paths and the names of the services behind it
            "api", "privacy", "audit", "services", "gateway", "restrictions", "openapi.json",
            "registry", "consent", "dsr", "breach",
            // the services' JAX-RS @Path literals
            ".well-known", "jwks.json", "about", "activation", "approval", "attestation", "attestations",
            "audit-checkpoints", "audit-records", "audits", "automated-decision-authorization", "check", "checkpoints",
            "claim", "closure", "completion", "confirmation", "consent-partners", "consents", "credential-rotation",
            "dead-letters", "deletion-attestations", "deletion-orders", "discard", "download.html", "download.json",
            "dsr-holdings", "duties", "emergency-orders", "export", "extension", "findings", "history", "holders",
            "holdings-feed", "imports", "incidents", "keys", "language", "lifting", "messages", "new", "overdue",
            "partner-directory", "partner-snapshots", "partners", "picture", "processors", "projections", "receipt",
            "reconciliation", "rectification", "refusal", "reinstatement", "rejection", "rejection-reviews",
            "replay", "request-scorecard", "requests", "retention-bases", "revocation", "scope", "scorecard",
            "scorecards", "security-officer", "self-inspections", "settings", "severity-override", "signed-out",
            "status-history", "subjects", "suspension", "tasks", "termination", "timeline", "transfers", "updates",
            "verification", "vocabulary", "waiver", "withdrawal");

    private static final String[] TABLE = table();

    private PathWords() {
    }

    /** Whether {@code path.substring(start, end)} is one of the {@link #WORDS}. */
    static boolean contains(String path, int start, int end) {
        int length = end - start;
        int mask = TABLE.length - 1;
        for (int slot = hash(path, start, end) & mask; TABLE[slot] != null; slot = (slot + 1) & mask) {
            String word = TABLE[slot];
            if (word.length() == length && path.regionMatches(start, word, 0, length)) {
                return true;
            }
        }
        return false;
    }

    private static String[] table() {
        String[] table = new String[Integer.highestOneBit(WORDS.size() * 4)];
        for (String word : WORDS) {
            int slot = hash(word, 0, word.length()) & (table.length - 1);
            while (table[slot] != null) {
                slot = (slot + 1) & (table.length - 1);
            }
            table[slot] = word;
        }
        return table;
    }

    /** {@link String#hashCode()} of the region, spread. */
    private static int hash(String s, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + s.charAt(i);
        }
        return h ^ (h >>> 16);
    }
}
