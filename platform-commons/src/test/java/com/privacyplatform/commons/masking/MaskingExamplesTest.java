package com.privacyplatform.commons.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Concrete examples of every display-masking rule of policy clause 3.2.d. */
class MaskingExamplesTest {

    // ---------------------------------------------------------------- every rule

    @ParameterizedTest
    @EnumSource(MaskType.class)
    void everyRuleReturnsNullForNull(MaskType type) {
        assertThat(Masking.mask(type, null)).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = MaskType.class, names = "FULL", mode = EnumSource.Mode.EXCLUDE)
    void everyRuleReturnsTheEmptyStringForTheEmptyString(MaskType type) {
        assertThat(Masking.mask(type, "")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "NATIONAL_ID,    **********",
        "PASSPORT,       ******",
        "PHONE,          ****",
        "BANK_CARD,      ******",
        "EMAIL,          ***",
        "POSTAL_ADDRESS, ****",
        "LICENSE_PLATE,  *****",
        "FULL,           ****",
    })
    void everyRuleReturnsTheFixedFullMaskForWhitespaceOnlyInput(MaskType type, String fullMask) {
        assertThat(Masking.mask(type, " \t\u3000\n ")).isEqualTo(fullMask);
    }

    @Test
    void maskRejectsAMissingMaskType() {
        assertThatNullPointerException().isThrownBy(() -> Masking.mask(null, "x"));
    }

    @Test
    void maskDispatchesEachTypeToItsOwnRule() {
        assertThat(Masking.mask(MaskType.NATIONAL_ID, "110101199003071234")).isEqualTo("11**********34");
        assertThat(Masking.mask(MaskType.PASSPORT, "E12345678")).isEqualTo("E******78");
        assertThat(Masking.mask(MaskType.PHONE, "+8613812345678")).isEqualTo("+86 ****5678");
        assertThat(Masking.mask(MaskType.BANK_CARD, "6222021234567890")).isEqualTo("622202******7890");
        assertThat(Masking.mask(MaskType.EMAIL, "zhang.san@example.com")).isEqualTo("z***@example.com");
        assertThat(Masking.mask(MaskType.POSTAL_ADDRESS, "221B Baker Street, London NW1 6XE, UK"))
                .isEqualTo("****, UK");
        assertThat(Masking.mask(MaskType.LICENSE_PLATE, "京A12345")).isEqualTo("京A***5");
        assertThat(Masking.mask(MaskType.FULL, "anything")).isEqualTo("****");
    }

    // ---------------------------------------------------------------- national id

    @Test
    void nationalIdKeepsFirstTwoAndLastTwoAroundTenStars() {
        assertThat(Masking.nationalId("110101199003071234")).isEqualTo("11**********34");
    }

    @Test
    void nationalIdKeepsAnXCheckDigit() {
        assertThat(Masking.nationalId("11010119900307123X")).isEqualTo("11**********3X");
        assertThat(Masking.nationalId("11010119900307123x")).isEqualTo("11**********3x");
    }

    @Test
    void nationalIdUsesTheSameNumberOfStarsForFifteenAndEighteenCharacterIds() {
        assertThat(Masking.nationalId("110101900307123")).isEqualTo("11**********23");
    }

    @Test
    void nationalIdTrimsAndIgnoresSpacesAndHyphens() {
        assertThat(Masking.nationalId("  110101 19900307 1234 ")).isEqualTo("11**********34");
        assertThat(Masking.nationalId("110101-19900307-1234")).isEqualTo("11**********34");
    }

    @Test
    void nationalIdFullyMasksFewerThanEightCodePoints() {
        assertThat(Masking.nationalId("1234567")).isEqualTo("**********");
        assertThat(Masking.nationalId("1 2 3 4 5")).isEqualTo("**********");
        assertThat(Masking.nationalId("12345678")).isEqualTo("12**********78");
    }

    // ---------------------------------------------------------------- passport

    @Test
    void passportKeepsFirstOneAndLastTwoAroundSixStars() {
        assertThat(Masking.passport("E12345678")).isEqualTo("E******78");
        assertThat(Masking.passport("G12345678")).isEqualTo("G******78");
        assertThat(Masking.passport("123456789")).isEqualTo("1******89");
    }

    @Test
    void passportFullyMasksFewerThanSixCodePoints() {
        assertThat(Masking.passport("E1234")).isEqualTo("******");
        assertThat(Masking.passport("E12345")).isEqualTo("E******45");
    }

    // ---------------------------------------------------------------- phone

    @Test
    void phoneShowsCountryCodeAndLastFourOfAnInternationalNumber() {
        assertThat(Masking.phone("+8613812345678")).isEqualTo("+86 ****5678");
        assertThat(Masking.phone("+1 415-555-2671")).isEqualTo("+1 ****2671");
        assertThat(Masking.phone("+44 20 7946 0018")).isEqualTo("+44 ****0018");
        assertThat(Masking.phone("+358 40 123 4567")).isEqualTo("+358 ****4567");
    }

    @Test
    void phoneDropsTheExtensionOfAnInternationalNumber() {
        assertThat(Masking.phone("+1 415-555-2671 ext. 123")).isEqualTo("+1 ****2671");
    }

    @Test
    void phoneAcceptsAFullWidthPlusAndFullWidthDigits() {
        assertThat(Masking.phone("＋８６ １３８１２３４５６７８")).isEqualTo("+86 ****5678");
    }

    @Test
    void phoneShowsOnlyTheLastFourDigitsOfANationalNumber() {
        assertThat(Masking.phone("13812345678")).isEqualTo("****5678");
        assertThat(Masking.phone("(415) 555-2671")).isEqualTo("****2671");
        assertThat(Masking.phone("020 7946 0018")).isEqualTo("****0018");
        assertThat(Masking.phone("138.1234.5678")).isEqualTo("****5678");
    }

    @Test
    void phoneFullyMasksFewerThanSevenDigits() {
        assertThat(Masking.phone("123456")).isEqualTo("****");
        assertThat(Masking.phone("12-34-56")).isEqualTo("****");
        assertThat(Masking.phone("1234567")).isEqualTo("****4567");
        assertThat(Masking.phone("+86 12345")).isEqualTo("****");
    }

    @Test
    void phoneFullyMasksUnparseableNumbers() {
        assertThat(Masking.phone("call me at 13812345678")).isEqualTo("****");
        assertThat(Masking.phone("+999 1234567")).isEqualTo("****");
        assertThat(Masking.phone("+")).isEqualTo("****");
        assertThat(Masking.phone("not a phone")).isEqualTo("****");
    }

    // ---------------------------------------------------------------- bank card

    @Test
    void bankCardShowsAtMostFirstSixAndLastFour() {
        assertThat(Masking.bankCard("6222021234567890")).isEqualTo("622202******7890");
        assertThat(Masking.bankCard("6222021234567890123")).isEqualTo("622202******0123");
    }

    @Test
    void bankCardIgnoresSpacesAndDashes() {
        assertThat(Masking.bankCard("6222 0212 3456 7890")).isEqualTo("622202******7890");
        assertThat(Masking.bankCard("6222-0212-3456-7890")).isEqualTo("622202******7890");
    }

    @Test
    void bankCardShowsOnlyFirstFourAndLastFourOfFourteenOrFifteenDigits() {
        assertThat(Masking.bankCard("3782-822463-10005")).isEqualTo("3782******0005");
        assertThat(Masking.bankCard("30569309025904")).isEqualTo("3056******5904");
    }

    @Test
    void bankCardShowsOnlyFirstThreeOfThirteenDigitsSoThatSixStayHidden() {
        assertThat(Masking.bankCard("4222222222223")).isEqualTo("422******2223");
    }

    @Test
    void bankCardShowsOnlyTheLastFourOfTenToTwelveDigits() {
        assertThat(Masking.bankCard("1234567890")).isEqualTo("******7890");
        assertThat(Masking.bankCard("123456789012")).isEqualTo("******9012");
    }

    @Test
    void bankCardShowsOnlyTheLastFourOfMoreThanNineteenDigits() {
        assertThat(Masking.bankCard("12345678901234567890")).isEqualTo("******7890");
    }

    @Test
    void bankCardFullyMasksFewerThanTenDigits() {
        assertThat(Masking.bankCard("123456789")).isEqualTo("******");
    }

    @Test
    void bankCardFullyMasksValuesThatAreNotDigitsSpacesAndDashes() {
        assertThat(Masking.bankCard("6222 0212 3456 7890 (debit)")).isEqualTo("******");
        assertThat(Masking.bankCard("6222/0212/3456/7890")).isEqualTo("******");
    }

    // ---------------------------------------------------------------- email

    @Test
    void emailKeepsTheFirstCodePointOfTheLocalPartAndTheDomain() {
        assertThat(Masking.email("zhang.san@example.com")).isEqualTo("z***@example.com");
        assertThat(Masking.email("a@example.com")).isEqualTo("a***@example.com");
    }

    @Test
    void emailLeavesTheDomainCaseAsItIs() {
        assertThat(Masking.email("Zhang.San@Example.COM")).isEqualTo("Z***@Example.COM");
    }

    @Test
    void emailSupportsInternationalizedAddresses() {
        assertThat(Masking.email("张三@例子.中国")).isEqualTo("张***@例子.中国");
    }

    @Test
    void emailNeverSplitsAnEmojiSurrogatePair() {
        assertThat(Masking.email("😀smile@example.com")).isEqualTo("😀***@example.com");
        assertThat(Masking.email("𠀋𠀋@example.com")).isEqualTo("𠀋***@example.com");
    }

    @Test
    void emailUsesTheLastAtSignToFindTheDomain() {
        assertThat(Masking.email("\"john@home\"@example.com")).isEqualTo("\"***@example.com");
    }

    @Test
    void emailFullyMasksAnythingThatIsNotLocalPartAtDomain() {
        assertThat(Masking.email("zhang.san")).isEqualTo("***");
        assertThat(Masking.email("@example.com")).isEqualTo("***");
        assertThat(Masking.email("zhang.san@")).isEqualTo("***");
        assertThat(Masking.email(" @ ")).isEqualTo("***");
    }

    @Test
    void emailReplacesALoneSurrogateInsteadOfEmittingIt() {
        assertThat(Masking.email("\uD83Dx@example.com")).isEqualTo("\uFFFD***@example.com");
    }

    // ---------------------------------------------------------------- postal address

    @Test
    void postalAddressKeepsOnlyTheLastCommaSeparatedComponent() {
        assertThat(Masking.postalAddress("221B Baker Street, London NW1 6XE, UK")).isEqualTo("****, UK");
    }

    @Test
    void postalAddressSupportsTheFullWidthComma() {
        assertThat(Masking.postalAddress("5号楼301室，建国路88号，北京市")).isEqualTo("****");
        assertThat(Masking.postalAddress("北京市朝阳区，建国路88号")).isEqualTo("****");
        assertThat(Masking.postalAddress("221B Baker Street，London")).isEqualTo("****, London");
    }

    @Test
    void postalAddressHidesDigitsInTheKeptComponent() {
        assertThat(Masking.postalAddress("1 Main St, Springfield IL 62704")).isEqualTo("****, Springfield IL *****");
    }

    @Test
    void postalAddressShowsNoComponentAfterATrailingComma() {
        assertThat(Masking.postalAddress("221B Baker Street, London,")).isEqualTo("****");
    }

    @Test
    void postalAddressKeepsAThirdOfABigToSmallAddressWithoutComma() {
        assertThat(Masking.postalAddress("北京市朝阳区建国路88号")).isEqualTo("北京市朝****");
    }

    @Test
    void postalAddressKeepsAtMostSixLeadingCodePoints() {
        assertThat(Masking.postalAddress("北京市朝阳区建国路88号院3号楼2单元501室")).isEqualTo("北京市朝阳区****");
    }

    @Test
    void postalAddressHidesDigitsInTheKeptLeadingPart() {
        assertThat(Masking.postalAddress("88 Jianguo Road Chaoyang")).isEqualTo("** Jia****");
        assertThat(Masking.postalAddress("８８号建国路朝阳区北京市")).isEqualTo("**号建****");
    }

    @Test
    void postalAddressFullyMasksVeryShortAddresses() {
        assertThat(Masking.postalAddress("88")).isEqualTo("****");
    }

    // ---------------------------------------------------------------- license plate

    @Test
    void licensePlateKeepsFirstTwoAndLastOneAroundThreeStars() {
        assertThat(Masking.licensePlate("京A12345")).isEqualTo("京A***5");
        assertThat(Masking.licensePlate("7ABC123")).isEqualTo("7A***3");
    }

    @Test
    void licensePlateIgnoresSpacesDotsAndMiddleDots() {
        assertThat(Masking.licensePlate("粤B·D12345")).isEqualTo("粤B***5");
        assertThat(Masking.licensePlate("AB12 CDE")).isEqualTo("AB***E");
        assertThat(Masking.licensePlate("京A.12345")).isEqualTo("京A***5");
    }

    @Test
    void licensePlateFullyMasksFewerThanFiveCodePoints() {
        assertThat(Masking.licensePlate("AB 12")).isEqualTo("*****");
        assertThat(Masking.licensePlate("A·B·C·D")).isEqualTo("*****");
    }

    // ---------------------------------------------------------------- full

    @Test
    void fullHidesEveryNonNullValueBehindFourStars() {
        assertThat(Masking.full("secret")).isEqualTo("****");
        assertThat(Masking.full("a much longer secret value")).isEqualTo("****");
        assertThat(Masking.full("")).isEqualTo("****");
        assertThat(Masking.full(null)).isNull();
    }
}
