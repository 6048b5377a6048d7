package com.privacyplatform.commons.masking;

/**
 * Postal address rule of policy clause 3.2.d. Addresses are free text written either
 * big-to-small ({@code 北京市朝阳区建国路88号}) or small-to-big with commas
 * ({@code 221B Baker Street, London NW1 6XE, UK}); in both cases only the coarse, region-level
 * end survives, and no digit survives at all (house numbers, postcodes, room numbers).
 */
final class AddressMask {

    static final String MASK = "****";
    private static final int MAX_KEPT_PREFIX = 6;

    private AddressMask() {
    }

    static String apply(String trimmed) {
        int lastComma = Math.max(trimmed.lastIndexOf(','), trimmed.lastIndexOf('\uFF0C')); // ',' or '，'
        if (lastComma >= 0 && containsHan(trimmed)) {
            // Chinese text with commas may run either way (北京市，建国路88号 or 5号楼，北京市): no end is safe to show
            return MASK;
        }
        return lastComma >= 0 ? keepLastComponent(trimmed.substring(lastComma + 1)) : keepLeadingPart(trimmed);
    }

    private static boolean containsHan(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    /** Small-to-big: the last component is the country/region; everything before it is hidden. */
    private static String keepLastComponent(String lastComponent) {
        String kept = lastComponent.strip();
        // A trailing comma leaves nothing coarse to show; never fall back to a more precise part.
        return kept.isEmpty() ? MASK : MASK + ", " + MaskText.hideNumbers(kept);
    }

    /**
     * Big-to-small: keep at most a third of the text (and never more than 6 code points), which
     * covers the province/city/district part of a Chinese address but not the street.
     */
    private static String keepLeadingPart(String trimmed) {
        int[] codePoints = MaskText.codePoints(trimmed);
        int keep = Math.min(MAX_KEPT_PREFIX, codePoints.length / 3);
        return MaskText.hideNumbers(MaskText.head(codePoints, keep)) + MASK;
    }
}
