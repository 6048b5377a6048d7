package com.privacyplatform.dsr.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.dsr.config.DsrConfig;
import com.privacyplatform.dsr.deadline.DeadlineCalculator.Refusal;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which deadline a task gets, without a clock: its consents' jurisdictions decide, the earliest wins,
 * a platform order weighs its own row, recipients get their own short deadline. Received Monday
 * 2026-03-02: GDPR (FR) is due 2026-04-02, PIPL (CN) and the platform default 2026-03-23 (15 working
 * days), CCPA (US) 2026-04-16.
 */
class DeadlineRulesTest {

    private static final DeadlinePolicies TABLE = DeadlinePolicies.load();
    private static final DeadlineRules RULES = rules(List.of(), Duration.ofHours(72));
    private static final LocalDate MONDAY = LocalDate.parse("2026-03-02");

    private static DeadlineRules rules(List<String> holidays, Duration recipient) {
        return new DeadlineRules(TABLE, new DeadlineCalculator(Holidays.parse(holidays)), recipient);
    }

    private static Deadline of(String origin, String... jurisdictions) {
        return RULES.earliest(Arrays.asList(jurisdictions), origin, MONDAY);
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    @Verifies(value = {"3.5.b", "3.5.c"}, exercises = "DeadlineRules#earliest")
    void consentsUnderSeveralJurisdictionsGetTheEarliestDeadlineAndNoExtensionWhenOneLawAllowsNone() {
        Deadline d = of("SUBJECT", "FR", "CN");
        assertThat(d.policyId()).isEqualTo("PIPL");
        assertThat(d.jurisdiction()).isEqualTo("CN");
        assertThat(d.jurisdictions()).containsExactly("CN", "FR");
        assertThat(d.dueOn()).isEqualTo(day("2026-03-23"));
        assertThat(d.dueAt()).isEqualTo(OffsetDateTime.parse("2026-03-23T23:59:59Z"));
        assertThat(d.latestDueOn()).isNull();
        assertThat(RULES.extend(d.policyId(), d.jurisdiction(), MONDAY, d.dueOn(), d.latestDueOn(), MONDAY, null)
                .refusal()).isEqualTo(Refusal.NOT_ALLOWED_BY_POLICY);
    }

    @Test
    @Verifies(value = {"3.5.b", "3.5.c"}, exercises = "DeadlineRules#earliest")
    void theEarliestLawSetsTheDeadlineAndOneExtensionStaysWithinEveryLawsLimit() {
        Deadline d = of("SUBJECT", "US", "FR");
        assertThat(d.policyId()).isEqualTo("GDPR");
        assertThat(d.dueOn()).isEqualTo(day("2026-04-02"));
        // GDPR alone would allow 2026-06-02 (3 months); CCPA allows 90 days: 2026-05-31
        assertThat(d.latestDueOn()).isEqualTo(day("2026-05-31"));
        assertThat(d.receiptConfirmationDueOn()).isEqualTo(day("2026-03-16")); // CCPA: 10 business days
        assertThat(RULES.extend("GDPR", "FR", MONDAY, d.dueOn(), d.latestDueOn(), MONDAY, null).dueOn())
                .isEqualTo(day("2026-05-31"));
        assertThat(RULES.extend("GDPR", "FR", MONDAY, d.dueOn(), d.latestDueOn(), MONDAY, 30).dueOn())
                .isEqualTo(day("2026-05-04")); // Saturday 2026-05-02 rolls to Monday
        assertThat(RULES.extend("GDPR", "FR", MONDAY, d.dueOn(), d.latestDueOn(), MONDAY, 60).refusal())
                .isEqualTo(Refusal.TOO_LONG);
        assertThat(RULES.extend("GDPR", "FR", MONDAY, d.dueOn(), d.latestDueOn(), day("2026-04-03"), null)
                .refusal()).isEqualTo(Refusal.TOO_LATE);
    }

    @Test
    void whereNoJurisdictionIsKnownThePlatformDefaultAppliesAlsoBesideAKnownOne() {
        Deadline none = of("SUBJECT");
        assertThat(none.policyId()).isEqualTo("PLATFORM_DEFAULT");
        assertThat(none.jurisdiction()).isNull();
        assertThat(none.jurisdictions()).isEmpty();
        assertThat(none.dueOn()).isEqualTo(day("2026-03-23"));
        assertThat(of("SUBJECT", (String) null).policyId()).isEqualTo("PLATFORM_DEFAULT");
        Deadline mixed = of("SUBJECT", "FR", null);
        assertThat(mixed.policyId()).isEqualTo("PLATFORM_DEFAULT");
        assertThat(mixed.jurisdictions()).containsExactly("FR");
        assertThat(mixed.latestDueOn()).isNull();
    }

    @Test
    @Verifies({"3.5.d", "3.4.j"})
    void platformOrdersWeighTheirOwnRowAgainstTheConsentsLaws() {
        Deadline termination = of("TERMINATION", "FR");
        assertThat(termination.policyId()).isEqualTo("PLATFORM_DEFAULT");
        assertThat(termination.jurisdiction()).isEqualTo("FR");
        assertThat(termination.dueOn()).isEqualTo(day("2026-03-23"));
        Deadline breach = of("BREACH_ORDER", "CN", "US");
        assertThat(breach.policyId()).isEqualTo("PLATFORM_EMERGENCY");
        assertThat(breach.dueOn()).isEqualTo(day("2026-03-05"));
        assertThat(of("SUBJECT", "FR").policyId()).isEqualTo("GDPR"); // a subject's request has no row of its own
    }

    @Test
    void eachJurisdictionCountsInItsOwnCalendarAndTiesAreBrokenTheSameWayWhateverTheOrder() {
        DeadlineRules withChineseHoliday = rules(List.of("CN:2026-03-10"), Duration.ofHours(72));
        Deadline d = withChineseHoliday.earliest(List.of("CN", "JP"), "SUBJECT", MONDAY);
        assertThat(d.policyId()).isEqualTo("PLATFORM_DEFAULT"); // JP: no holiday, due 03-23; CN: 03-24
        assertThat(d.jurisdiction()).isEqualTo("JP");
        assertThat(d.dueOn()).isEqualTo(day("2026-03-23"));
        assertThat(of("SUBJECT", "JP", "CN")).isEqualTo(of("SUBJECT", "CN", "JP"));
        assertThat(of("SUBJECT", "JP", "CN").policyId()).isEqualTo("PIPL");
    }

    @Test
    @Verifies(value = "3.5.c.b", exercises = "DeadlineRules#forRecipient")
    void recipientTasksAreDueTheConfiguredTimeAfterReceiptToTheSecond() {
        OffsetDateTime received = OffsetDateTime.parse("2026-03-02T10:15:30.123456Z");
        Deadline d = RULES.forRecipient(received);
        assertThat(d.dueAt()).isEqualTo(OffsetDateTime.parse("2026-03-05T10:15:30Z"));
        assertThat(d.dueOn()).isEqualTo(day("2026-03-05"));
        assertThat(d.policyId()).isNull();
        assertThat(d.latestDueOn()).isNull();
        assertThat(rules(List.of(), Duration.ofHours(24)).forRecipient(received).dueAt())
                .isEqualTo(OffsetDateTime.parse("2026-03-03T10:15:30Z"));
        assertThat(rules(List.of(), Duration.ofHours(20)).forRecipient(received).dueOn()).isEqualTo(day("2026-03-03"));
        assertThatThrownBy(() -> rules(List.of(), Duration.ZERO)).hasMessageContaining("dsr.recipient-deadline");
    }

    @Test
    void theRecipientDeadlineIsReadFromDsrRecipientDeadlineAndDefaultsToSeventyTwoHours() {
        assertThat(new Deadlines(config(Map.of())).rules().recipientDeadline()).isEqualTo(Duration.ofHours(72));
        Deadlines configured = new Deadlines(config(Map.of("dsr.recipient-deadline", "PT24H")));
        assertThat(configured.rules().recipientDeadline()).isEqualTo(Duration.ofHours(24));
        assertThat(configured.rules().forRecipient(OffsetDateTime.parse("2026-03-02T10:00:00Z")).dueAt())
                .isEqualTo(OffsetDateTime.parse("2026-03-03T10:00:00Z"));
        assertThatThrownBy(() -> new Deadlines(config(Map.of("dsr.recipient-deadline", "-PT1H"))))
                .hasMessageContaining("positive");
    }

    private static DsrConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().withMapping(DsrConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build()
                .getConfigMapping(DsrConfig.class);
    }
}
