package com.privacyplatform.commons.masking;

import java.util.function.IntPredicate;

/**
 * "Keep a few code points at both ends, hide the rest behind a fixed mask" - the shape shared by
 * national ids, passports and license plates (policy clause 3.2.d).
 *
 * <p>The hidden middle is always the same fixed string, so the output length never tells how long
 * the hidden part was. Separators are dropped before counting: otherwise {@code "1 2 3 4 5"} would
 * count as long enough to show two of its five digits.
 */
final class KeepEndsMask {

    private final int keepFirst;
    private final int keepLast;
    private final int minimumLength;
    private final String middleMask;
    private final String fullMask;
    private final IntPredicate separator;

    KeepEndsMask(int keepFirst, int keepLast, int minimumLength, String middleMask, String fullMask,
            IntPredicate separator) {
        this.keepFirst = keepFirst;
        this.keepLast = keepLast;
        this.minimumLength = minimumLength;
        this.middleMask = middleMask;
        this.fullMask = fullMask;
        this.separator = separator;
    }

    String fullMask() {
        return fullMask;
    }

    String apply(String trimmed) {
        int[] codePoints = MaskText.codePointsWithout(trimmed, separator);
        if (codePoints.length < minimumLength) {
            return fullMask;
        }
        return MaskText.head(codePoints, keepFirst) + middleMask + MaskText.tail(codePoints, keepLast);
    }
}
