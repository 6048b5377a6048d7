package com.privacyplatform.commons.masking;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Display masking required by policy clause 3.2.d: identification numbers, phone numbers, bank
 * card numbers, e-mail addresses, postal addresses and license plates must be masked in every
 * response that displays them to someone other than the data's owner.
 *
 * <p>Rules common to every method:
 * <ul>
 *   <li>{@code null} gives {@code null}; the empty string gives the empty string (except
 *       {@link #full}, which hides even emptiness); a whitespace-only value gives the type's fixed
 *       full mask.</li>
 *   <li>The input is trimmed ({@link String#strip()}) first.</li>
 *   <li>The hidden part is always replaced by a FIXED number of {@code *}, independent of its
 *       length, so the output never reveals how long the hidden part was.</li>
 *   <li>Work is done on Unicode code points: a kept character is never half a surrogate pair
 *       (CJK and emoji are safe). Unpaired surrogates in the input become U+FFFD, so the output
 *       is always well-formed.</li>
 *   <li>Values that do not fit a rule fail closed: they get the full mask, never the raw text.</li>
 *   <li>Pure functions: deterministic, thread-safe, no reflection (GraalVM native-image friendly;
 *       phone masking needs the libphonenumber resources {@code com/google/i18n/phonenumbers/data/*}
 *       in the native image, see {@code PhoneMask}).</li>
 * </ul>
 */
public final class Masking {

    private static final KeepEndsMask NATIONAL_ID =
            new KeepEndsMask(2, 2, 8, "**********", "**********", Masking::isIdSeparator);
    private static final KeepEndsMask PASSPORT =
            new KeepEndsMask(1, 2, 6, "******", "******", Masking::isIdSeparator);
    private static final KeepEndsMask LICENSE_PLATE =
            new KeepEndsMask(2, 1, 5, "***", "*****", Masking::isPlateSeparator);
    private static final String FULL_MASK = "****";

    private Masking() {
    }

    /**
     * Masks {@code value} with the rule selected by {@code type}.
     *
     * @param type  which rule to apply; must not be {@code null}
     * @param value the value to display; may be {@code null}
     * @return the masked value, {@code null} when {@code value} is {@code null}
     */
    public static String mask(MaskType type, String value) {
        Objects.requireNonNull(type, "type");
        return switch (type) {
            case NATIONAL_ID -> nationalId(value);
            case PASSPORT -> passport(value);
            case PHONE -> phone(value);
            case BANK_CARD -> bankCard(value);
            case EMAIL -> email(value);
            case POSTAL_ADDRESS -> postalAddress(value);
            case LICENSE_PLATE -> licensePlate(value);
            case FULL -> full(value);
        };
    }

    /**
     * National identity number: first 2 and last 2 code points, fixed {@code **********} (10) in
     * between. Spaces and hyphens are ignored. Fewer than 8 code points: {@code **********}.
     * <ul>
     *   <li>{@code 110101199003071234} -> {@code 11**********34}</li>
     *   <li>{@code 11010119900307123X} -> {@code 11**********3X}</li>
     *   <li>{@code 1234567} -> {@code **********}</li>
     * </ul>
     */
    public static String nationalId(String value) {
        return applyRule(value, NATIONAL_ID.fullMask(), NATIONAL_ID::apply);
    }

    /**
     * Passport number: first code point and last 2, fixed {@code ******} (6) in between. Spaces
     * and hyphens are ignored. Fewer than 6 code points: {@code ******}.
     * <ul>
     *   <li>{@code E12345678} -> {@code E******78}</li>
     *   <li>{@code 123456789} -> {@code 1******89}</li>
     *   <li>{@code E1234} -> {@code ******}</li>
     * </ul>
     */
    public static String passport(String value) {
        return applyRule(value, PASSPORT.fullMask(), PASSPORT::apply);
    }

    /**
     * Phone number: never more than the country code and the last 4 digits. Separators
     * (space, {@code - . ( ) /}) are ignored; digits are shown in ASCII.
     * <ul>
     *   <li>International (leading {@code +}, parsed with libphonenumber):
     *       {@code +8613812345678} -> {@code +86 ****5678},
     *       {@code +1 415-555-2671} -> {@code +1 ****2671}</li>
     *   <li>National: {@code 13812345678} -> {@code ****5678},
     *       {@code (415) 555-2671} -> {@code ****2671}, {@code 020 7946 0018} -> {@code ****0018}</li>
     *   <li>Fewer than 7 digits (in the national number), letters in a national number, or an
     *       unparseable international number: {@code ****}</li>
     * </ul>
     */
    public static String phone(String value) {
        return applyRule(value, PhoneMask.FULL_MASK, PhoneMask::apply);
    }

    /**
     * Bank card number (digits with optional spaces/dashes): never more than the first 6 and last
     * 4 digits visible, always at least 6 hidden, fixed {@code ******} for the hidden part.
     * <ul>
     *   <li>16-19 digits: first 6 + {@code ******} + last 4:
     *       {@code 6222 0212 3456 7890} -> {@code 622202******7890}</li>
     *   <li>13-15 digits: first 4 + {@code ******} + last 4:
     *       {@code 3782-822463-10005} -> {@code 3782******0005}; a 13-digit number shows only its
     *       first 3 so that 6 digits stay hidden: {@code 4222222222222} -> {@code 422******2222}</li>
     *   <li>10-12 digits (and, not being a PAN, more than 19): {@code ******} + last 4:
     *       {@code 1234567890} -> {@code ******7890}</li>
     *   <li>Fewer than 10 digits, or any character other than digits, spaces and dashes:
     *       {@code ******}</li>
     * </ul>
     */
    public static String bankCard(String value) {
        return applyRule(value, BankCardMask.FULL_MASK, BankCardMask::apply);
    }

    /**
     * E-mail address: first code point of the local part, fixed {@code ***}, {@code @}, the
     * domain unchanged. The last {@code @} separates the domain. No {@code @}, an empty local
     * part or an empty domain: {@code ***}.
     * <ul>
     *   <li>{@code zhang.san@example.com} -> {@code z***@example.com}</li>
     *   <li>{@code 张三@例子.中国} -> {@code 张***@例子.中国}</li>
     *   <li>{@code 😀smile@example.com} -> {@code 😀***@example.com}</li>
     *   <li>{@code not-an-email} -> {@code ***}</li>
     * </ul>
     */
    public static String email(String value) {
        return applyRule(value, EmailMask.FULL_MASK, EmailMask::apply);
    }

    /**
     * Postal address (free text). With a comma ({@code ,} or full-width {@code ，}): only the
     * last component survives, after {@code ****, } (a trailing comma gives {@code ****}).
     * Without a comma (big-to-small, e.g. Chinese): the first min(6, codePointCount / 3) code
     * points followed by {@code ****}. No number survives: digits in the kept part become
     * {@code *}.
     * <ul>
     *   <li>{@code 221B Baker Street, London NW1 6XE, UK} -> {@code ****, UK}</li>
     *   <li>{@code 1 Main St，Springfield IL 62704} -> {@code ****, Springfield IL *****}</li>
     *   <li>{@code 北京市朝阳区建国路88号} -> {@code 北京市朝****}</li>
     *   <li>{@code 北京市朝阳区建国路88号院3号楼2单元501室} -> {@code 北京市朝阳区****}</li>
     * </ul>
     */
    public static String postalAddress(String value) {
        return applyRule(value, AddressMask.MASK, AddressMask::apply);
    }

    /**
     * License plate: spaces, hyphens, dots and middle dots are removed, then the first 2 and the
     * last code point are kept around a fixed {@code ***}. Fewer than 5 code points: {@code *****}.
     * <ul>
     *   <li>{@code 京A12345} -> {@code 京A***5}</li>
     *   <li>{@code 粤B·D12345} -> {@code 粤B***5}</li>
     *   <li>{@code AB12 CDE} -> {@code AB***E}</li>
     *   <li>{@code 7ABC123} -> {@code 7A***3}</li>
     * </ul>
     */
    public static String licensePlate(String value) {
        return applyRule(value, LICENSE_PLATE.fullMask(), LICENSE_PLATE::apply);
    }

    /**
     * Hides everything: any non-null value, even the empty string (whose emptiness is itself
     * information), becomes {@code ****}; {@code null} stays {@code null}.
     */
    public static String full(String value) {
        return value == null ? null : FULL_MASK;
    }

    private static String applyRule(String value, String blankMask, UnaryOperator<String> rule) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? blankMask : rule.apply(trimmed);
    }

    private static boolean isIdSeparator(int codePoint) {
        return codePoint == '-' || isSpace(codePoint);
    }

    private static boolean isPlateSeparator(int codePoint) {
        return codePoint == '-' || codePoint == '.' || codePoint == '\u00B7' // '·' middle dot
                || codePoint == '\u2022' || codePoint == '\u30FB' || codePoint == '\uFF65' // '•', '・', '･'
                || isSpace(codePoint);
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
