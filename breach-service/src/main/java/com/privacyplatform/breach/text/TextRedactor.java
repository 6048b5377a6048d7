package com.privacyplatform.breach.text;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.masking.Masking;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal values found inside free text (3.2.d) with the platform's shared {@link Masking}
 * rules: e-mail addresses, phone numbers, bank card numbers (Luhn-valid), national id numbers,
 * passport numbers, Chinese licence plates and IPv4 addresses; any other run of 7 or more digits
 * is hidden completely. ISO 8601 dates and times are left readable.
 *
 * <p>Limits: it finds values by their shape, so names, postal addresses and identifiers written
 * with words or unusual separators are not found; and numbers that merely look like identifiers
 * (an amount written {@code 1 200 000}) are masked too - it errs on the side of hiding.
 */
@Enforces(value = "3.2.d", note = "personal values inside free text masked for viewers other than the data's owner")
public final class TextRedactor {

    private static final String NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}_@.+-])";
    private static final String NOT_WORD_AFTER = "(?![\\p{L}\\p{N}_@])";
    private static final Pattern FINDINGS = Pattern.compile(String.join("|",
            // kept as they are: ISO 8601 date-times, dates and times (the incident's chronology)
            "(?<datetime>\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?\\b"
                    + "|\\b\\d{1,2}:\\d{2}(?::\\d{2})?\\b)",
            "(?<email>[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,})",
            "(?<ipv4>" + NOT_WORD_BEFORE + "(?:\\d{1,3}\\.){3}\\d{1,3}" + NOT_WORD_AFTER + ")",
            "(?<plate>[\\u4e00-\\u9fa5][A-Z][·.\\s-]?[A-Z0-9]{5,6}" + NOT_WORD_AFTER + ")",
            "(?<nationalid>" + NOT_WORD_BEFORE + "\\d{17}[\\dXx]" + NOT_WORD_AFTER + ")",
            "(?<passport>" + NOT_WORD_BEFORE + "[A-Z]{1,2}\\d{7,8}" + NOT_WORD_AFTER + ")",
            "(?<number>" + NOT_WORD_BEFORE + "(?:\\+\\s?)?\\(?\\d(?:[\\s().\\-/]{0,2}\\d){6,}" + NOT_WORD_AFTER + ")"));

    private TextRedactor() {
    }

    /** The text with every personal value found masked; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = FINDINGS.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String replacement(Matcher m) {
        if (m.group("datetime") != null) {
            return m.group();
        }
        if (m.group("email") != null) {
            return Masking.email(m.group());
        }
        if (m.group("ipv4") != null) {
            return Masking.full(m.group());
        }
        if (m.group("plate") != null) {
            return Masking.licensePlate(m.group());
        }
        if (m.group("nationalid") != null) {
            return Masking.nationalId(m.group());
        }
        if (m.group("passport") != null) {
            return Masking.passport(m.group());
        }
        return number(m.group());
    }

    /** A digit run: international phone (leading +), Luhn-valid 13-19 digit card, national phone (7-15), else hidden. */
    private static String number(String run) {
        String trimmed = run.strip();
        String digits = trimmed.replaceAll("\\D", "");
        if (trimmed.startsWith("+")) {
            return Masking.phone(trimmed);
        }
        if (digits.length() >= 13 && digits.length() <= 19 && luhn(digits)) {
            return Masking.bankCard(digits);
        }
        if (digits.length() <= 15) {
            return Masking.phone(trimmed);
        }
        return Masking.full(trimmed);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
