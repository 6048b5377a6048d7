package com.privacyplatform.dsr.workflow;

import com.privacyplatform.dsr.crypto.ValueCipher;
import com.privacyplatform.dsr.request.Correction;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What makes two requests duplicates: same subject, type, addressed partners (or both "every
 * holder") and, for corrections, the same changes. Keyed (HMAC), since correction values are personal.
 */
final class Fingerprints {

    private final ValueCipher cipher;

    Fingerprints(ValueCipher cipher) {
        this.cipher = cipher;
    }

    String of(Submission s) {
        String partners = s.partnerIds() == null ? "*"
                : s.partnerIds().stream().map(UUID::toString).sorted().distinct().collect(Collectors.joining(","));
        List<Correction> changes = s.corrections() == null ? List.of() : s.corrections();
        String corrections = changes.stream()
                .sorted(Comparator.comparing(Correction::field).thenComparing(Correction::value))
                .map(c -> c.field() + "\u0000" + c.value())
                .collect(Collectors.joining("\u0001"));
        String channel = s.byPlatform() ? s.origin() + ":" + s.originRef() : "subject";
        return cipher.fingerprint(
                String.join("\u0002", channel, s.subjectId(), s.type().name(), partners, corrections));
    }
}
