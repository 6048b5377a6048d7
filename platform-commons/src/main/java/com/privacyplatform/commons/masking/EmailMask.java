package com.privacyplatform.commons.masking;

/**
 * E-mail rule of policy clause 3.2.d: the first code point of the local part, a fixed {@code ***},
 * then {@code @} and the domain unchanged (the domain identifies a provider, not a person).
 */
final class EmailMask {

    static final String FULL_MASK = "***";

    private EmailMask() {
    }

    static String apply(String trimmed) {
        // The LAST '@' separates the domain: a quoted local part may itself contain '@'.
        int at = trimmed.lastIndexOf('@');
        if (at < 0) {
            return FULL_MASK;
        }
        int[] local = MaskText.codePoints(trimmed.substring(0, at).strip());
        String domain = MaskText.sanitized(trimmed.substring(at + 1).strip());
        if (local.length == 0 || domain.isEmpty()) {
            return FULL_MASK;
        }
        return MaskText.head(local, 1) + FULL_MASK + "@" + domain;
    }
}
