package com.privacyplatform.commons.masking;

/**
 * Bank card (PAN) rule of policy clause 3.2.d, in the spirit of PCI DSS truncation: never more
 * than the first 6 and last 4 digits visible and always at least 6 digits hidden, behind a fixed
 * {@code ******} so the output length only reveals the card-length class, never the hidden digits.
 */
final class BankCardMask {

    static final String FULL_MASK = "******";
    private static final String MIDDLE_MASK = "******";
    private static final int VISIBLE_TAIL = 4;
    private static final int MINIMUM_HIDDEN = 6;

    private BankCardMask() {
    }

    static String apply(String trimmed) {
        return DigitString.digitsOf(trimmed, BankCardMask::isSeparator)
                .map(BankCardMask::maskDigits)
                .orElse(FULL_MASK);
    }

    private static String maskDigits(String digits) {
        int length = digits.length();
        if (length < 10) {
            return FULL_MASK;
        }
        return digits.substring(0, visibleHeadLength(length)) + MIDDLE_MASK + DigitString.lastDigits(digits, VISIBLE_TAIL);
    }

    /**
     * 16-19 digits (PAN): the 6-digit issuer prefix; 13-15 digits: only 4 of it, and only as many
     * as leave 6 digits hidden (a 13-digit PAN shows 3); 10-12 digits, or more than 19 (not a
     * PAN): none, the last 4 are enough to recognise the card.
     */
    private static int visibleHeadLength(int length) {
        int wanted;
        if (length >= 16 && length <= 19) {
            wanted = 6;
        } else if (length >= 13 && length <= 15) {
            wanted = 4;
        } else {
            wanted = 0;
        }
        return Math.min(wanted, length - VISIBLE_TAIL - MINIMUM_HIDDEN);
    }

    private static boolean isSeparator(int codePoint) {
        return codePoint == '-' || Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
