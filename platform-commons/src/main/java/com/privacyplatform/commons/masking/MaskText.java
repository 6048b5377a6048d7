package com.privacyplatform.commons.masking;

import java.util.function.IntPredicate;

/**
 * Code-point helpers shared by the masking rules of policy clause 3.2.d.
 *
 * <p>Everything works on Unicode code points rather than {@code char}s so that a kept prefix or
 * suffix can never cut a surrogate pair in half (CJK extension characters and emoji are
 * supplementary code points). Unpaired surrogates in the input are replaced by U+FFFD, so the
 * masked output is always well-formed UTF-16 even when the input is not.
 */
final class MaskText {

    private static final int REPLACEMENT_CHARACTER = 0xFFFD;

    private MaskText() {
    }

    /** The code points of {@code text}, with every unpaired surrogate replaced by U+FFFD. */
    static int[] codePoints(String text) {
        return text.codePoints().map(MaskText::withoutLoneSurrogate).toArray();
    }

    /** The code points of {@code text} that are not dropped by {@code separator}, sanitized as above. */
    static int[] codePointsWithout(String text, IntPredicate separator) {
        return text.codePoints().filter(separator.negate()).map(MaskText::withoutLoneSurrogate).toArray();
    }

    /** {@code text} with every unpaired surrogate replaced by U+FFFD. */
    static String sanitized(String text) {
        int[] codePoints = codePoints(text);
        return slice(codePoints, 0, codePoints.length);
    }

    /** The code points {@code [from, to)} as a string. */
    static String slice(int[] codePoints, int from, int to) {
        return new String(codePoints, from, to - from);
    }

    /** The first {@code count} code points as a string. */
    static String head(int[] codePoints, int count) {
        return slice(codePoints, 0, count);
    }

    /** The last {@code count} code points as a string. */
    static String tail(int[] codePoints, int count) {
        return slice(codePoints, codePoints.length - count, codePoints.length);
    }

    /**
     * Sanitized text with every number-like code point replaced by {@code *}. Covers decimal digits
     * of every script (including full-width), plus letter-like and other numerals (Ⅻ, ①, ²), so
     * house numbers cannot survive in a kept address part.
     */
    static String hideNumbers(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int codePoint : codePoints(text)) {
            out.appendCodePoint(isNumber(codePoint) ? '*' : codePoint);
        }
        return out.toString();
    }

    /** Whether {@code codePoint} is a decimal digit in any script (values 0-9). */
    static boolean isDecimalDigit(int codePoint) {
        return Character.isDigit(codePoint);
    }

    /** The ASCII form of a decimal digit of any script, so masked output is uniform. */
    static char asciiDigit(int codePoint) {
        return Character.forDigit(Character.digit(codePoint, 10), 10);
    }

    private static boolean isNumber(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static int withoutLoneSurrogate(int codePoint) {
        // String.codePoints() yields an unpaired surrogate as its own "code point".
        return Character.getType(codePoint) == Character.SURROGATE ? REPLACEMENT_CHARACTER : codePoint;
    }
}
