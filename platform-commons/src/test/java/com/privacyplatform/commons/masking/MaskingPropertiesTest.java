package com.privacyplatform.commons.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.UpperChars;

/**
 * Properties of the policy clause 3.2.d masking rules, checked over generated input:
 * (1) the output length does not depend on the length of the hidden part,
 * (2) the hidden part never shows up in the output,
 * (3) no input makes a rule throw, including unpaired surrogates,
 * (4) masking is deterministic,
 * (5) the output is well-formed Unicode.
 */
class MaskingPropertiesTest {

    private static final String NATIONAL_ID_MIDDLE = "**********";

    // ---------------------------------------------------------------- national id

    @Property
    void nationalIdOutputLengthDoesNotDependOnTheHiddenLength(
            @ForAll @NumericChars @StringLength(2) String head,
            @ForAll @NumericChars @StringLength(min = 4, max = 30) String middleA,
            @ForAll @NumericChars @StringLength(min = 4, max = 30) String middleB,
            @ForAll @NumericChars @Chars('X') @StringLength(2) String tail) {
        assertSameCodePointCount(Masking.nationalId(head + middleA + tail), Masking.nationalId(head + middleB + tail));
    }

    @Property
    void nationalIdNeverShowsTheMiddleDigits(
            @ForAll @NumericChars @StringLength(2) String head,
            @ForAll @NumericChars @StringLength(min = 4, max = 30) String middle,
            @ForAll @NumericChars @Chars('X') @StringLength(2) String tail) {
        assertThat(Masking.nationalId(head + middle + tail)).isEqualTo(head + NATIONAL_ID_MIDDLE + tail);
    }

    @Property
    void nationalIdShowsAtMostFourCodePointsOfAnyInput(@ForAll("wellFormedUnicode") String anyText) {
        assertThat(visibleCodePoints(Masking.nationalId(anyText))).isLessThanOrEqualTo(4);
    }

    // ---------------------------------------------------------------- passport

    @Property
    void passportOutputLengthDoesNotDependOnTheHiddenLength(
            @ForAll @UpperChars @StringLength(1) String head,
            @ForAll @NumericChars @StringLength(min = 3, max = 20) String middleA,
            @ForAll @NumericChars @StringLength(min = 3, max = 20) String middleB,
            @ForAll @NumericChars @StringLength(2) String tail) {
        assertSameCodePointCount(Masking.passport(head + middleA + tail), Masking.passport(head + middleB + tail));
    }

    @Property
    void passportNeverShowsTheMiddle(
            @ForAll @UpperChars @StringLength(1) String head,
            @ForAll @NumericChars @StringLength(min = 3, max = 20) String middle,
            @ForAll @NumericChars @StringLength(2) String tail) {
        assertThat(Masking.passport(head + middle + tail)).isEqualTo(head + "******" + tail);
    }

    @Property
    void passportShowsAtMostThreeCodePointsOfAnyInput(@ForAll("wellFormedUnicode") String anyText) {
        assertThat(visibleCodePoints(Masking.passport(anyText))).isLessThanOrEqualTo(3);
    }

    // ---------------------------------------------------------------- phone

    @Property
    void nationalPhoneOutputLengthDoesNotDependOnTheHiddenLength(
            @ForAll @NumericChars @StringLength(min = 3, max = 11) String middleA,
            @ForAll @NumericChars @StringLength(min = 3, max = 11) String middleB,
            @ForAll @NumericChars @StringLength(4) String last4) {
        assertSameCodePointCount(Masking.phone(middleA + last4), Masking.phone(middleB + last4));
    }

    @Property
    void internationalPhoneOutputLengthDoesNotDependOnTheHiddenLength(
            @ForAll @NumericChars @StringLength(min = 2, max = 10) String middleA,
            @ForAll @NumericChars @StringLength(min = 2, max = 10) String middleB,
            @ForAll @NumericChars @StringLength(4) String last4) {
        // +44 7...: a UK mobile-like number, which libphonenumber never shortens by prefix stripping.
        String maskedA = Masking.phone("+44 7" + middleA + last4);
        assertThat(maskedA).isEqualTo("+44 ****" + last4);
        assertSameCodePointCount(maskedA, Masking.phone("+44 7" + middleB + last4));
    }

    @Property
    void nationalPhoneShowsOnlyTheLastFourDigits(@ForAll("nationalPhoneNumbers") String number) {
        String digits = number.replaceAll("[^0-9]", "");
        String masked = Masking.phone(number);
        if (digits.length() < 7) {
            assertThat(masked).isEqualTo("****");
        } else {
            assertThat(masked).isEqualTo("****" + digits.substring(digits.length() - 4));
        }
    }

    @Property
    void internationalPhoneShowsOnlyTheCountryCodeAndTheLastFourDigits(
            @ForAll @NumericChars @StringLength(min = 1, max = 20) String digits) {
        String masked = Masking.phone("+" + digits);
        if (!masked.equals("****")) {
            assertThat(masked).matches("\\+[1-9][0-9]{0,2} \\*{4}[0-9]{4}");
            String countryCode = masked.substring(1, masked.indexOf(' '));
            assertThat(digits).startsWith(countryCode).endsWith(masked.substring(masked.length() - 4));
            assertThat(digits.length() - countryCode.length()).isGreaterThanOrEqualTo(7);
        }
    }

    @Property
    void phoneShowsAtMostTheCountryCodeAndFourDigitsOfAnyInput(@ForAll("wellFormedUnicode") String anyText) {
        assertThat(Masking.phone(anyText)).matches("|(\\+[0-9]{1,3} )?\\*{4}([0-9]{4})?");
    }

    // ---------------------------------------------------------------- bank card

    @Property
    void bankCardOutputLengthDoesNotDependOnTheHiddenLength(
            @ForAll("cardLengthsOfOneClass") List<Integer> lengths,
            @ForAll @NumericChars @StringLength(25) String digits) {
        // Same leading digits, same last 4; only the number of digits in between differs.
        String cardA = digits.substring(0, lengths.get(0) - 4) + digits.substring(21);
        String cardB = digits.substring(0, lengths.get(1) - 4) + digits.substring(21);
        assertSameCodePointCount(Masking.bankCard(cardA), Masking.bankCard(cardB));
    }

    @Property
    void bankCardShowsAtMostFirstSixAndLastFour(@ForAll("cardNumbers") String card) {
        String digits = card.replaceAll("[^0-9]", "");
        String masked = Masking.bankCard(card);
        if (masked.equals("******")) {
            return;
        }
        int middle = masked.indexOf("******");
        String shownHead = masked.substring(0, middle);
        String shownTail = masked.substring(middle + 6);
        assertThat(masked).doesNotContain("*******").matches("[0-9]*\\*{6}[0-9]{4}");
        assertThat(shownHead.length()).isLessThanOrEqualTo(6);
        assertThat(shownHead.length() + shownTail.length()).isLessThanOrEqualTo(10);
        assertThat(digits.length() - shownHead.length() - shownTail.length()).isGreaterThanOrEqualTo(6);
        assertThat(digits).startsWith(shownHead).endsWith(shownTail);
    }

    @Property
    void bankCardShowsAtMostTenDigitsOfAnyInput(@ForAll("wellFormedUnicode") String anyText) {
        assertThat(Masking.bankCard(anyText)).matches("|[0-9]{0,6}\\*{6}([0-9]{4})?");
    }

    // ---------------------------------------------------------------- email

    @Property
    void emailOutputLengthDoesNotDependOnTheHiddenLength(
            @ForAll("emailLocalParts") String localA,
            @ForAll("emailLocalParts") String localB,
            @ForAll("domains") String domain) {
        String first = "z";
        assertSameCodePointCount(Masking.email(first + localA + "@" + domain), Masking.email(first + localB + "@" + domain));
    }

    @Property
    void emailShowsOnlyTheFirstCodePointOfTheLocalPart(
            @ForAll("emailLocalParts") String local,
            @ForAll("domains") String domain) {
        String first = "张";
        assertThat(Masking.email(first + local + "@" + domain)).isEqualTo(first + "***@" + domain);
    }

    // ---------------------------------------------------------------- postal address

    @Property
    void commaAddressOutputLengthDoesNotDependOnTheHiddenComponents(
            @ForAll("hiddenAddressComponents") String hiddenA,
            @ForAll("hiddenAddressComponents") String hiddenB,
            @ForAll @UpperChars @StringLength(min = 1, max = 12) String lastComponent) {
        assertSameCodePointCount(
                Masking.postalAddress(hiddenA + ", " + lastComponent),
                Masking.postalAddress(hiddenB + "，" + lastComponent));
    }

    @Property
    void commaAddressNeverShowsAnythingBeforeTheLastComma(
            @ForAll("hiddenAddressComponents") String hidden,
            @ForAll @UpperChars @StringLength(min = 1, max = 12) String lastComponent) {
        // Hidden components are lower-case, the last one upper-case: no lower-case letter may survive.
        String masked = Masking.postalAddress(hidden + ", " + lastComponent);
        assertThat(masked).isEqualTo("****, " + lastComponent).doesNotContainPattern("[a-z]");
    }

    @Property
    void longAddressWithoutCommaKeepsExactlySixLeadingCodePoints(
            @ForAll @CharRange(from = '\u4E00', to = '\u9FA5') @StringLength(min = 18, max = 80) String address) {
        String masked = Masking.postalAddress(address);
        assertThat(masked).isEqualTo(address.substring(0, 6) + "****");
    }

    @Property
    void addressWithoutCommaKeepsAtMostAThirdOfTheText(@ForAll("commaFreeUnicode") String address) {
        String masked = Masking.postalAddress(address);
        int kept = masked.codePointCount(0, masked.length()) - 4;
        int length = address.strip().codePointCount(0, address.strip().length());
        assertThat(kept).isLessThanOrEqualTo(Math.min(6, length / 3));
    }

    @Property
    void addressNeverShowsADigit(@ForAll("wellFormedUnicode") String address) {
        assertThat(Masking.postalAddress(address).codePoints().noneMatch(Character::isDigit)).isTrue();
    }

    // ---------------------------------------------------------------- license plate

    @Property
    void licensePlateOutputLengthDoesNotDependOnTheHiddenLength(
            @ForAll("plateHeads") String head,
            @ForAll @AlphaChars @NumericChars @StringLength(min = 2, max = 10) String middleA,
            @ForAll @AlphaChars @NumericChars @StringLength(min = 2, max = 10) String middleB,
            @ForAll @NumericChars @StringLength(1) String tail) {
        assertSameCodePointCount(Masking.licensePlate(head + middleA + tail), Masking.licensePlate(head + middleB + tail));
    }

    @Property
    void licensePlateNeverShowsTheMiddle(
            @ForAll("plateHeads") String head,
            @ForAll @AlphaChars @NumericChars @StringLength(min = 2, max = 10) String middle,
            @ForAll @NumericChars @StringLength(1) String tail) {
        assertThat(Masking.licensePlate(head + "·" + middle + tail)).isEqualTo(head + "***" + tail);
    }

    @Property
    void licensePlateShowsAtMostThreeCodePointsOfAnyInput(@ForAll("wellFormedUnicode") String anyText) {
        assertThat(visibleCodePoints(Masking.licensePlate(anyText))).isLessThanOrEqualTo(3);
    }

    // ---------------------------------------------------------------- full

    @Property
    void fullMaskIsAlwaysFourStars(@ForAll("anyUtf16") String anyText) {
        assertThat(Masking.full(anyText)).isEqualTo("****");
    }

    // ---------------------------------------------------------------- every rule

    @Property
    void everyRuleAcceptsArbitraryUtf16IncludingUnpairedSurrogates(
            @ForAll MaskType type, @ForAll("anyUtf16") String anyText) {
        assertThatCode(() -> Masking.mask(type, anyText)).doesNotThrowAnyException();
    }

    @Property
    void everyRuleIsDeterministic(@ForAll MaskType type, @ForAll("anyUtf16") String anyText) {
        // A fresh copy rules out identity-based shortcuts.
        assertThat(Masking.mask(type, new String(anyText.toCharArray()))).isEqualTo(Masking.mask(type, anyText));
    }

    @Property
    void everyRuleKeepsWellFormedInputWellFormed(@ForAll MaskType type, @ForAll("wellFormedUnicode") String text) {
        assertThat(isWellFormed(Masking.mask(type, text))).isTrue();
    }

    @Property
    void everyRuleNeverEmitsALoneSurrogateEvenForIllFormedInput(
            @ForAll MaskType type, @ForAll("anyUtf16") String anyText) {
        assertThat(isWellFormed(Masking.mask(type, anyText))).isTrue();
    }

    // ---------------------------------------------------------------- generators

    /** Any UTF-16 text, biased towards the characters the rules look for; may hold lone surrogates. */
    @Provide
    Arbitrary<String> anyUtf16() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.chars().all()),
                Tuple.of(2, Arbitraries.chars().range('\uD800', '\uDFFF')),
                Tuple.of(3, Arbitraries.chars().numeric()),
                Tuple.of(3, Arbitraries.of('@', ',', '\uFF0C', '+', '\uFF0B', '-', '.', '·', ' ', '\u3000', 'X')));
        return chars.list().ofMaxSize(40).map(MaskingPropertiesTest::join);
    }

    /** Well-formed text mixing ASCII, digits, CJK, supplementary ideographs and emoji. */
    @Provide
    Arbitrary<String> wellFormedUnicode() {
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(3, Arbitraries.integers().between('0', '9')),
                Tuple.of(2, Arbitraries.integers().between(0x4E00, 0x9FA5)),
                Tuple.of(1, Arbitraries.integers().between(0xFF10, 0xFF19)), // full-width digits
                Tuple.of(2, Arbitraries.integers().between(0x1F600, 0x1F64F)), // emoji
                Tuple.of(1, Arbitraries.integers().between(0x20000, 0x2A6DF)), // CJK extension B
                Tuple.of(1, Arbitraries.integers().between(0, 0x10FFFF).filter(cp -> !isSurrogate(cp))),
                Tuple.of(2, Arbitraries.of((int) '@', (int) ',', 0xFF0C, (int) '+', (int) ' ', (int) '-')));
        return codePoints.list().ofMaxSize(40).map(MaskingPropertiesTest::fromCodePoints);
    }

    @Provide
    Arbitrary<String> commaFreeUnicode() {
        return wellFormedUnicode().filter(text -> text.indexOf(',') < 0 && text.indexOf('\uFF0C') < 0);
    }

    @Provide
    Arbitrary<String> nationalPhoneNumbers() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.chars().numeric()),
                Tuple.of(2, Arbitraries.of(' ', '-', '.', '(', ')', '/')));
        return chars.list().ofMinSize(1).ofMaxSize(20).map(MaskingPropertiesTest::join)
                .filter(number -> !number.isBlank());
    }

    @Provide
    Arbitrary<String> cardNumbers() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.chars().numeric()),
                Tuple.of(1, Arbitraries.of(' ', '-')));
        return chars.list().ofMinSize(1).ofMaxSize(30).map(MaskingPropertiesTest::join)
                .filter(number -> !number.isBlank());
    }

    @Provide
    Arbitrary<String> emailLocalParts() {
        return Arbitraries.strings().alpha().numeric().withChars("._+-张").ofMinLength(0).ofMaxLength(30);
    }

    @Provide
    Arbitrary<String> domains() {
        Arbitrary<String> label = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> topLevel = Arbitraries.of("com", "org", "cn", "中国", "museum");
        return label.list().ofMinSize(1).ofMaxSize(3)
                .flatMap(labels -> topLevel.map(tld -> String.join(".", labels) + "." + tld));
    }

    /** Lower-case words with digits, spaces and (either kind of) commas: what precedes the last comma. */
    @Provide
    Arbitrary<String> hiddenAddressComponents() {
        return Arbitraries.strings().withCharRange('a', 'z').numeric().withChars(" ,，")
                .ofMinLength(0).ofMaxLength(60);
    }

    @Provide
    Arbitrary<String> plateHeads() {
        Arbitrary<String> province = Arbitraries.of("京", "沪", "粤", "川", "苏").flatMap(
                p -> Arbitraries.chars().range('A', 'Z').map(letter -> p + letter));
        Arbitrary<String> latin = Arbitraries.strings().withCharRange('A', 'Z').numeric().ofLength(2);
        return Arbitraries.oneOf(province, latin);
    }

    /** Two card lengths from the same length class (10-12, 13, 14-15, 16-19 or 20-25 digits). */
    @Provide
    Arbitrary<List<Integer>> cardLengthsOfOneClass() {
        return Arbitraries.of(List.of(10, 12), List.of(13, 13), List.of(14, 15), List.of(16, 19), List.of(20, 25))
                .flatMap(range -> Arbitraries.integers().between(range.get(0), range.get(1)).list().ofSize(2));
    }

    // ---------------------------------------------------------------- helpers

    private static void assertSameCodePointCount(String maskedA, String maskedB) {
        assertThat(maskedA.codePointCount(0, maskedA.length()))
                .as("code points of %s and %s", maskedA, maskedB)
                .isEqualTo(maskedB.codePointCount(0, maskedB.length()));
    }

    /** Code points of the output that are not mask characters. */
    private static long visibleCodePoints(String masked) {
        return masked.codePoints().filter(cp -> cp != '*').count();
    }

    private static boolean isWellFormed(String text) {
        return text.codePoints().noneMatch(MaskingPropertiesTest::isSurrogate);
    }

    private static boolean isSurrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }

    private static String join(List<Character> chars) {
        return chars.stream().map(String::valueOf).collect(Collectors.joining());
    }

    private static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }
}
