package com.privacyplatform.breach.duty;

import static com.privacyplatform.breach.support.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.breach.support.Incidents;
import com.privacyplatform.breach.support.Reports;
import com.privacyplatform.api.clause.Verifies;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each jurisdiction's clocks from notification-duties.json, due from the awareness instant
 * (discoveredAt) whatever offset it was written with.
 */
@QuarkusTest
class JurisdictionClocksTest {

    @Test
    @Verifies("5.1.b")
    void gdprRegulatorAndSubjectsAreDueSeventyTwoHoursAfterAwarenessWrittenInBeijingTime() {
        String discovered = Reports.ago(Duration.ofHours(10), ZoneOffset.ofHours(8));
        String id = report().with("kind", "CONFIRMED_BREACH").with("discoveredAt", discovered)
                .with("categories", List.of("user.health")).with("jurisdictions", List.of("DE", "FR")).create();
        String due = Reports.plus(discovered, Duration.ofHours(72));
        assertThat(Incidents.duty(id, "GDPR-33-SA")).containsEntry("state", "PENDING").containsEntry("dueAt", due)
                .containsEntry("source", "GDPR Art. 33(1)").containsEntry("recipient", "REGULATOR")
                .containsEntry("window", "PT72H").containsEntry("regime", "GDPR")
                .containsEntry("jurisdictions", List.of("DE", "FR"))
                .containsEntry("warnAt", Reports.plus(discovered, Duration.ofHours(72 - 18)));
        assertThat(Incidents.duty(id, "GDPR-34-SUBJECTS")).containsEntry("state", "PENDING")
                .containsEntry("dueAt", due).containsEntry("recipient", "SUBJECTS")
                .containsEntry("source", "GDPR Art. 34(1)");
    }

    @Test
    void theSameAwarenessInstantWrittenInThreeOffsetsGivesTheSameUkDueTime() {
        String utc = Reports.ago(Duration.ofHours(5), ZoneOffset.UTC);
        String expected = Reports.plus(utc, Duration.ofHours(72));
        for (ZoneOffset offset : List.of(ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 45), ZoneOffset.ofHours(-5))) {
            String written = java.time.OffsetDateTime.parse(utc).withOffsetSameInstant(offset).format(Reports.RFC3339);
            String id = report().with("discoveredAt", written).with("jurisdictions", List.of("GB")).create();
            assertThat(Incidents.duty(id, "UK-GDPR-33-ICO")).as("written as %s", written)
                    .containsEntry("dueAt", expected).containsEntry("source", "UK GDPR Art. 33(1)");
        }
    }

    @Test
    @Verifies("5.1.b")
    void piplAuthoritiesAndIndividualsAreDueImmediatelyModelledAsTwentyFourHoursEvenWhenOnlySuspected() {
        String discovered = Reports.ago(Duration.ofHours(3), ZoneOffset.ofHoursMinutes(5, 45));
        String id = report().with("discoveredAt", discovered).with("jurisdictions", List.of("CN")).create();
        String due = Reports.plus(discovered, Duration.ofHours(24));
        for (String rule : List.of("PIPL-57-AUTHORITY", "PIPL-57-INDIVIDUALS")) {
            assertThat(Incidents.duty(id, rule)).containsEntry("state", "PENDING").containsEntry("dueAt", due)
                    .containsEntry("window", "PT24H").containsEntry("source", "PIPL Art. 57")
                    .containsEntry("warnAt", Reports.plus(discovered, Duration.ofHours(24 - 6)));
        }
        assertThat((String) Incidents.duty(id, "PIPL-57-AUTHORITY").get("windowBasis")).contains("immediately");
    }

    @Test
    void californiaResidentsAreDueInThirtyDaysAndTheAttorneyGeneralOnlyAboveFiveHundred() {
        String discovered = Reports.ago(Duration.ofHours(1), ZoneOffset.ofHours(-8));
        String large = report().with("discoveredAt", discovered).with("affectedSubjects", 501)
                .with("jurisdictions", List.of("US")).create();
        assertThat(Incidents.duty(large, "CA-1798.82-RESIDENTS")).containsEntry("state", "PENDING")
                .containsEntry("dueAt", Reports.plus(discovered, Duration.ofDays(30)))
                .containsEntry("source", "Cal. Civ. Code 1798.82(a)");
        assertThat(Incidents.duty(large, "CA-1798.82-AG")).containsEntry("state", "PENDING")
                .containsEntry("dueAt", Reports.plus(discovered, Duration.ofDays(45)))
                .containsEntry("warnAt", Reports.plus(discovered, Duration.ofDays(43)));

        String small = report().with("discoveredAt", discovered).with("affectedSubjects", 500)
                .with("jurisdictions", List.of("US")).create();
        assertThat(Incidents.duty(small, "CA-1798.82-AG")).containsEntry("state", "NOT_REQUIRED")
                .containsEntry("decidedBy", "system")
                .containsEntry("notRequiredReason", "required only from 501 affected subjects; 500 reported");
    }

    @Test
    void encryptedDataExemptsSubjectNoticesButNotTheRegulator() {
        String id = report().with("kind", "CONFIRMED_BREACH").with("categories", List.of("user.health"))
                .with("affectedSubjects", 5000).with("dataEncrypted", true).with("jurisdictions", List.of("IE", "US"))
                .create();
        Map<String, Object> subjects = Incidents.duty(id, "GDPR-34-SUBJECTS");
        assertThat(subjects).containsEntry("state", "NOT_REQUIRED");
        assertThat((String) subjects.get("notRequiredReason")).startsWith("exempt under GDPR Art. 34(3)(a)");
        assertThat((String) Incidents.duty(id, "CA-1798.82-RESIDENTS").get("notRequiredReason"))
                .startsWith("exempt under Cal. Civ. Code 1798.82(a)");
        assertThat(Incidents.duty(id, "GDPR-33-SA")).containsEntry("state", "PENDING");
    }

    @Test
    @Verifies("5.1.b")
    void subjectNoticesUnderGdprWaitForAConfirmedHighRiskBreach() {
        String suspected = report().with("categories", List.of("user.health")).with("jurisdictions", List.of("NL"))
                .create(); // HIGH, but only suspected
        assertThat((String) Incidents.duty(suspected, "GDPR-34-SUBJECTS").get("notRequiredReason"))
                .isEqualTo("applies to [CONFIRMED_BREACH] only; this incident is a SUSPECTED_BREACH");
        String medium = report().with("kind", "CONFIRMED_BREACH").with("jurisdictions", List.of("NL")).create();
        assertThat((String) Incidents.duty(medium, "GDPR-34-SUBJECTS").get("notRequiredReason"))
                .isEqualTo("required only when the risk is high (severity HIGH or above); severity is MEDIUM");
    }

    @Test
    @Verifies("5.1.a")
    void aPolicyViolationOwesRegulatorsNothingButIsStillReportedToThePlatform() {
        String id = report().with("kind", "POLICY_VIOLATION").with("jurisdictions", List.of("DE", "CN")).create();
        assertThat(Incidents.duties(id)).extracting(d -> d.get("ruleId") + "=" + d.get("state"))
                .containsExactlyInAnyOrder("PLATFORM-5.1=DONE", "GDPR-33-SA=NOT_REQUIRED",
                        "GDPR-34-SUBJECTS=NOT_REQUIRED", "PIPL-57-AUTHORITY=NOT_REQUIRED",
                        "PIPL-57-INDIVIDUALS=NOT_REQUIRED");
    }
}
