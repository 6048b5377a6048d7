package com.privacyplatform.registry.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.api.events.PartnerStatus;
import com.privacyplatform.registry.assessment.FindingTally;
import com.privacyplatform.registry.inspection.InspectionDue;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 4.6 risk rules as a pure function: each rule, its level, and the escalation. */
class ScorecardRiskRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final UUID PARTNER = UUID.fromString("1a5e0000-0000-4000-8000-00000000ffff");

    private static InspectionDue due(PartnerStatus status, int daysOverdue) {
        return new InspectionDue(PARTNER, "P Ltd.", status, null, TODAY.minusDays(daysOverdue));
    }

    private static FindingTally findings(long critical, long serious, long minor) {
        return new FindingTally(PARTNER, critical + serious + minor, critical, serious, minor, 0);
    }

    private static RiskRules.Risk assess(InspectionDue due, FindingTally tally, long breaches, long late,
            long requests) {
        return RiskRules.assess(new ScorecardInputs(due, tally, breaches, late, requests, TODAY));
    }

    @Test
    void nothingOverdueIsLowWithoutReasons() {
        RiskRules.Risk risk = assess(due(PartnerStatus.ACTIVE, 0), findings(0, 0, 0), 0, 0, 0);
        assertThat(risk.level()).isEqualTo(RiskLevel.LOW);
        assertThat(risk.reasons()).isEmpty();
    }

    @Test
    @Verifies(value = "4.6", exercises = "RiskRules")
    void anOverdueInspectionIsMediumThenHighAfterNinetyDays() {
        assertThat(assess(due(PartnerStatus.ACTIVE, 90), findings(0, 0, 0), 0, 0, 0).level())
                .isEqualTo(RiskLevel.MEDIUM);
        RiskRules.Risk late = assess(due(PartnerStatus.SUSPENDED, 91), findings(0, 0, 0), 0, 0, 0);
        assertThat(late.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(late.reasons()).containsExactly(
                "[3.4.e] inspection-overdue: the self-inspection due on 2026-08-27 is 91 day(s) overdue -> HIGH");
    }

    @Test
    void pendingAndTerminatedPartnersOweNoInspection() {
        assertThat(assess(due(PartnerStatus.PENDING, 400), findings(0, 0, 0), 0, 0, 0).level())
                .isEqualTo(RiskLevel.LOW);
        assertThat(assess(due(PartnerStatus.TERMINATED, 400), findings(0, 0, 0), 0, 0, 0).level())
                .isEqualTo(RiskLevel.LOW);
    }

    @Test
    void overdueFindingsCountByTheirWeight() {
        assertThat(assess(due(PartnerStatus.ACTIVE, 0), findings(0, 0, 2), 0, 0, 0).level())
                .isEqualTo(RiskLevel.MEDIUM);
        assertThat(assess(due(PartnerStatus.ACTIVE, 0), findings(0, 1, 2), 0, 0, 0).level())
                .isEqualTo(RiskLevel.HIGH);
        RiskRules.Risk critical = assess(due(PartnerStatus.ACTIVE, 0), findings(1, 0, 0), 0, 0, 0);
        assertThat(critical.level()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(critical.reasons()).singleElement().asString().startsWith("[4.3] critical-finding-overdue: 1 ");
    }

    @Test
    @Verifies(value = "4.6", exercises = "RiskRules")
    void twoHighRulesAtOnceEscalateToCritical() {
        RiskRules.Risk risk = assess(due(PartnerStatus.ACTIVE, 200), findings(0, 1, 0), 0, 0, 0);
        assertThat(risk.level()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(risk.reasons()).hasSize(3).last().asString().startsWith("[4.6] multiple-high-risks: 2 rules");
    }

    @Test
    void theInputsLaterIssuesFeedAlreadyCount() {
        assertThat(assess(due(PartnerStatus.ACTIVE, 0), findings(0, 0, 0), 0, 0, 3).level())
                .isEqualTo(RiskLevel.MEDIUM);
        assertThat(assess(due(PartnerStatus.ACTIVE, 0), findings(0, 0, 0), 1, 0, 0).level())
                .isEqualTo(RiskLevel.HIGH);
        RiskRules.Risk breaches = assess(due(PartnerStatus.ACTIVE, 0), findings(0, 0, 0), 1, 1, 0);
        assertThat(breaches.level()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(breaches.reasons()).anyMatch(r -> r.startsWith("[5.1] late-breach-reports"));
    }
}
