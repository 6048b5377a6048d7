package com.privacyplatform.dsr.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.privacyplatform.dsr.deadline.DeadlineCalculator.Refusal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deadline table's date arithmetic, without a clock: month ends, weekends, holidays, extensions. */
class DeadlineCalculatorTest {

    private static final DeadlinePolicies TABLE = DeadlinePolicies.load();
    private static final DeadlinePolicy GDPR = TABLE.byId("GDPR");
    private static final DeadlinePolicy CCPA = TABLE.byId("CCPA");
    private static final DeadlinePolicy PIPL = TABLE.byId("PIPL");
    private static final DeadlinePolicy DEFAULT = TABLE.byId("PLATFORM_DEFAULT");
    private static final DeadlineCalculator CALENDAR = new DeadlineCalculator(Holidays.parse(List.of(
            "2026-12-25", "2027-01-01", "DE:2026-04-15", "US:2026-11-27",
            "CN:2026-10-01", "CN:2026-10-02", "CN:2026-10-05", "CN:2026-10-06", "CN:2026-10-07")));

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static LocalDate due(DeadlinePolicy policy, String received, String country) {
        return CALENDAR.schedule(policy, day(received), country).dueOn();
    }

    @Test
    void gdprGivesOneCalendarMonthFromReceiptNotCountingTheDayOfReceipt() {
        assertThat(due(GDPR, "2026-03-15", "FR")).isEqualTo(day("2026-04-15"));
        assertThat(due(GDPR, "2026-03-31", "FR")).isEqualTo(day("2026-04-30"));
        assertThat(due(GDPR, "2026-05-31", "FR")).isEqualTo(day("2026-06-30"));
    }

    @Test
    void aRequestReceivedOnJanuaryThirtyFirstIsDueOnTheLastDayOfFebruaryInCommonAndLeapYears() {
        assertThat(due(GDPR, "2025-01-31", "IE")).isEqualTo(day("2025-02-28"));
        assertThat(due(GDPR, "2024-01-31", "IE")).isEqualTo(day("2024-02-29"));
    }

    @Test
    void aGdprDeadlineOnAWeekendMovesToTheNextWorkingDay() {
        // 2026-02-28 is a Saturday
        assertThat(due(GDPR, "2026-01-31", "NL")).isEqualTo(day("2026-03-02"));
        assertThat(due(TABLE.byId("UK_GDPR"), "2026-01-31", "GB")).isEqualTo(day("2026-03-02"));
    }

    @Test
    void aGdprDeadlineOnAHolidayMovesPastItAndOnlyTheCountrysOwnHolidaysCount() {
        // 2026-12-25 (Friday) is a holiday everywhere, then the weekend
        assertThat(due(GDPR, "2026-11-25", "FR")).isEqualTo(day("2026-12-28"));
        // 2026-04-15 is configured as a holiday in DE only
        assertThat(due(GDPR, "2026-03-15", "DE")).isEqualTo(day("2026-04-16"));
        assertThat(due(GDPR, "2026-03-15", "FR")).isEqualTo(day("2026-04-15"));
    }

    @Test
    void ccpaGivesFortyFiveCalendarDaysAndDoesNotMoveOffAWeekend() {
        // 2027-01-10 is a Sunday: the strict reading keeps it
        assertThat(due(CCPA, "2026-11-26", "US")).isEqualTo(day("2027-01-10"));
    }

    @Test
    void ccpaReceiptMustBeConfirmedWithinTenBusinessDaysSkippingWeekendsAndHolidays() {
        assertThat(CALENDAR.schedule(CCPA, day("2026-11-26"), "US").receiptConfirmationDueOn())
                .isEqualTo(day("2026-12-11"));
        assertThat(CALENDAR.schedule(CCPA, day("2026-11-26"), "CA").receiptConfirmationDueOn())
                .isEqualTo(day("2026-12-10"));
        assertThat(CALENDAR.schedule(GDPR, day("2026-11-26"), "DE").receiptConfirmationDueOn()).isNull();
    }

    @Test
    void thePlatformDefaultCountsFifteenBusinessDaysSkippingWeekendsAndHolidays() {
        assertThat(due(DEFAULT, "2026-12-18", null)).isEqualTo(day("2027-01-12"));
        assertThat(new DeadlineCalculator(Holidays.none()).schedule(DEFAULT, day("2026-12-18"), null).dueOn())
                .isEqualTo(day("2027-01-08"));
    }

    @Test
    void businessDaysCountedFromASaturdayStartOnMonday() {
        assertThat(CALENDAR.plusBusinessDays(day("2026-02-28"), 1, null)).isEqualTo(day("2026-03-02"));
        assertThat(CALENDAR.plusBusinessDays(day("2026-02-28"), 5, null)).isEqualTo(day("2026-03-06"));
    }

    @Test
    void piplCountsFifteenWorkingDaysAroundTheNationalHolidays() {
        assertThat(due(PIPL, "2026-09-30", "CN")).isEqualTo(day("2026-10-28"));
        assertThat(CALENDAR.schedule(PIPL, day("2026-09-30"), "CN").latestExtendedDueOn()).isNull();
    }

    @Test
    void aGdprExtensionAddsTwoMonthsCountedFromReceiptSoTheMonthEndIsNotLost() {
        var decision = CALENDAR.extend(GDPR, day("2026-01-31"), "NL", day("2026-03-02"), false, day("2026-02-10"),
                null);
        assertThat(decision.granted()).isTrue();
        assertThat(decision.dueOn()).isEqualTo(day("2026-04-30"));
    }

    @Test
    void aCcpaExtensionAddsFortyFiveDaysForNinetyInTotal() {
        var decision = CALENDAR.extend(CCPA, day("2026-11-26"), "US", day("2027-01-10"), false, day("2027-01-10"),
                null);
        assertThat(decision.dueOn()).isEqualTo(day("2027-02-24"));
    }

    @Test
    void aShorterExtensionIsAllowedButNotOneBeyondThePolicysMaximum() {
        var shorter = CALENDAR.extend(GDPR, day("2026-03-15"), "FR", day("2026-04-15"), false, day("2026-04-01"), 30);
        assertThat(shorter.dueOn()).isEqualTo(day("2026-05-15"));
        var tooLong = CALENDAR.extend(GDPR, day("2026-03-15"), "FR", day("2026-04-15"), false, day("2026-04-01"), 70);
        assertThat(tooLong.refusal()).isEqualTo(Refusal.TOO_LONG);
    }

    @Test
    void anExtensionIsRefusedTwiceAfterTheDeadlineOrWhereThePolicyAllowsNone() {
        assertThat(CALENDAR.extend(GDPR, day("2026-03-15"), "FR", day("2026-06-15"), true, day("2026-04-01"), null)
                .refusal()).isEqualTo(Refusal.ALREADY_EXTENDED);
        assertThat(CALENDAR.extend(GDPR, day("2026-03-15"), "FR", day("2026-04-15"), false, day("2026-04-16"), null)
                .refusal()).isEqualTo(Refusal.TOO_LATE);
        assertThat(CALENDAR.extend(PIPL, day("2026-09-30"), "CN", day("2026-10-28"), false, day("2026-10-01"), null)
                .refusal()).isEqualTo(Refusal.NOT_ALLOWED_BY_POLICY);
        assertThat(CALENDAR.extend(DEFAULT, day("2026-09-30"), null, day("2026-10-21"), false, day("2026-10-01"), 1)
                .refusal()).isEqualTo(Refusal.NOT_ALLOWED_BY_POLICY);
    }

    @Test
    void theTableMapsEveryEeaCountryToGdprTheUkToUkGdprAndEverythingElseToTheDefault() {
        for (String eea : List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
                "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO")) {
            assertThat(TABLE.select(eea, "SUBJECT").id()).as(eea).isEqualTo("GDPR");
        }
        assertThat(TABLE.select("GB", "SUBJECT").id()).isEqualTo("UK_GDPR");
        assertThat(TABLE.select("US", "PARTNER").id()).isEqualTo("CCPA");
        assertThat(TABLE.select("CN", "SUBJECT").id()).isEqualTo("PIPL");
        assertThat(TABLE.select("JP", "SUBJECT").id()).isEqualTo("PLATFORM_DEFAULT");
        assertThat(TABLE.select(null, "SUBJECT").id()).isEqualTo("PLATFORM_DEFAULT");
        assertThat(TABLE.select(null, "TERMINATION").id()).isEqualTo("PLATFORM_DEFAULT");
        assertThat(TABLE.select("DE", "BREACH_ORDER").id()).isEqualTo("PLATFORM_EMERGENCY");
        assertThat(TABLE.table().policies()).allSatisfy(p -> assertThat(p.sources()).isNotEmpty());
        assertThat(TABLE.version()).isNotBlank();
    }

    @Test
    void malformedHolidayEntriesAreRefusedNamingTheEntry() {
        assertThatThrownBy(() -> Holidays.parse(List.of("2026-13-01"))).hasMessageContaining("2026-13-01");
        assertThatThrownBy(() -> Holidays.parse(List.of("DE-2026-12-25"))).hasMessageContaining("DE-2026-12-25");
        assertThatThrownBy(() -> Holidays.parse(List.of("de:2026-12-25"))).hasMessageContaining("de:2026-12-25");
        assertThat(Holidays.parse(List.of(" ", "DE:2026-12-26")).isHoliday(day("2026-12-26"), "DE")).isTrue();
    }
}
