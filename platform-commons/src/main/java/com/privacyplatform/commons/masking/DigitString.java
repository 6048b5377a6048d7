package com.privacyplatform.commons.masking;

import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Extracts the digits of a number written with separators ({@code 6222-0212 3456}), normalized to
 * ASCII. Anything that is neither a digit nor an allowed separator makes the value unparseable:
 * the masking rules of clause 3.2.d then fail closed and hide everything.
 */
final class DigitString {

    private DigitString() {
    }

    static Optional<String> digitsOf(String text, IntPredicate separator) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int codePoint : text.codePoints().toArray()) {
            if (MaskText.isDecimalDigit(codePoint)) {
                digits.append(MaskText.asciiDigit(codePoint));
            } else if (!separator.test(codePoint)) {
                return Optional.empty();
            }
        }
        return Optional.of(digits.toString());
    }

    static String lastDigits(String digits, int count) {
        return digits.substring(digits.length() - count);
    }
}
