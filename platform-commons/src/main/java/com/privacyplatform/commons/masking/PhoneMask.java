package com.privacyplatform.commons.masking;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Phone rule of policy clause 3.2.d: at most the country calling code and the last 4 digits of the
 * national number stay visible, behind a fixed {@code ****}.
 *
 * <p>International numbers (leading {@code +}) are parsed with libphonenumber so the country code
 * is split off correctly ({@code +1} vs {@code +86} vs {@code +358}) and extensions are dropped.
 * National numbers have no reliable region, so only their digits are used.
 *
 * <p>GraalVM native image: libphonenumber loads its metadata lazily as class-path resources, so
 * the native build must include {@code com/google/i18n/phonenumbers/data/*} (for Quarkus:
 * {@code quarkus.native.resources.includes=com/google/i18n/phonenumbers/data/*}); without them
 * every international number would fall back to the full mask.
 */
final class PhoneMask {

    static final String FULL_MASK = "****";
    /** Shorter national numbers would be largely revealed by their last 4 digits. */
    private static final int MINIMUM_DIGITS = 7;
    private static final int VISIBLE_DIGITS = 4;
    /** "ZZ" = unknown region: libphonenumber then accepts only numbers with a leading '+'. */
    private static final String UNKNOWN_REGION = "ZZ";

    private PhoneMask() {
    }

    static String apply(String trimmed) {
        Optional<String> masked = isInternational(trimmed) ? international(trimmed) : national(trimmed);
        return masked.orElse(FULL_MASK);
    }

    private static boolean isInternational(String trimmed) {
        return trimmed.startsWith("+") || trimmed.startsWith("\uFF0B"); // '+' or full-width '＋'
    }

    private static Optional<String> international(String trimmed) {
        return parse(trimmed).flatMap(number -> {
            String nationalDigits = PhoneNumberUtil.getInstance().getNationalSignificantNumber(number);
            return lastDigitsMasked(nationalDigits).map(masked -> "+" + number.getCountryCode() + " " + masked);
        });
    }

    private static Optional<PhoneNumber> parse(String trimmed) {
        try {
            return Optional.of(PhoneNumberUtil.getInstance().parse(trimmed, UNKNOWN_REGION));
        } catch (NumberParseException notAPhoneNumber) {
            return Optional.empty();
        } catch (RuntimeException unexpected) {
            // Fail closed: a library surprise on odd input must never leak the raw value.
            return Optional.empty();
        }
    }

    private static Optional<String> national(String trimmed) {
        return DigitString.digitsOf(trimmed, PhoneMask::isSeparator).flatMap(PhoneMask::lastDigitsMasked);
    }

    private static Optional<String> lastDigitsMasked(String digits) {
        if (digits.length() < MINIMUM_DIGITS) {
            return Optional.empty();
        }
        return Optional.of(FULL_MASK + DigitString.lastDigits(digits, VISIBLE_DIGITS));
    }

    private static boolean isSeparator(int codePoint) {
        return codePoint == '-' || codePoint == '.' || codePoint == '(' || codePoint == ')' || codePoint == '/'
                || Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
