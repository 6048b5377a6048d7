package com.privacyplatform.registry.scorecard;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.registry.assessment.FindingTally;
import java.util.ArrayList;
import java.util.List;

/**
 * 4.6: the platform may terminate partners posing greater risks. The risk level is the highest
 * level of the rules that fire, and two or more rules at HIGH make it CRITICAL. Each reason
 * names the clause and the rule: {@code [3.4.e] inspection-overdue: ... -> MEDIUM}.
 */
@Enforces(value = "4.6", note = "risk level and reasons from overdue inspections, overdue audit findings, breaches,"
        + " overdue requests")
public final class RiskRules {

    /** Days past due after which an overdue self-inspection is a HIGH risk. */
    public static final int INSPECTION_LONG_OVERDUE_DAYS = 90;

    private RiskRules() {
    }

    public record Risk(RiskLevel level, List<String> reasons) {
    }

    public static Risk assess(ScorecardInputs in) {
        List<String> reasons = new ArrayList<>();
        List<RiskLevel> levels = new ArrayList<>();
        long daysOverdue = in.inspection().daysOverdue(in.today());
        if (daysOverdue > 0) {
            RiskLevel level = daysOverdue > INSPECTION_LONG_OVERDUE_DAYS ? RiskLevel.HIGH : RiskLevel.MEDIUM;
            fire(reasons, levels, "3.4.e", "inspection-overdue", "the self-inspection due on "
                    + in.inspection().dueOn() + " is " + daysOverdue + " day(s) overdue", level);
        }
        FindingTally f = in.findings();
        if (f.overdueCritical() > 0) {
            fire(reasons, levels, "4.3", "critical-finding-overdue", f.overdueCritical()
                    + " CRITICAL audit finding(s) past the rectification deadline", RiskLevel.CRITICAL);
        }
        if (f.overdueSerious() > 0) {
            fire(reasons, levels, "4.3", "serious-finding-overdue", f.overdueSerious()
                    + " HIGH or material audit finding(s) past the rectification deadline", RiskLevel.HIGH);
        }
        if (f.overdueMinor() > 0) {
            fire(reasons, levels, "4.3", "finding-overdue", f.overdueMinor()
                    + " LOW/MEDIUM audit finding(s) past the rectification deadline", RiskLevel.MEDIUM);
        }
        if (in.openBreaches() > 0) {
            fire(reasons, levels, "5.1", "open-breaches", in.openBreaches() + " open breach(es)", RiskLevel.HIGH);
        }
        if (in.lateBreachReports() > 0) {
            fire(reasons, levels, "5.1", "late-breach-reports", in.lateBreachReports()
                    + " breach(es) not reported to the platform immediately", RiskLevel.HIGH);
        }
        if (in.overdueRequests() > 0) {
            fire(reasons, levels, "3.5", "overdue-requests", in.overdueRequests()
                    + " data-subject request task(s) past due", RiskLevel.MEDIUM);
        }
        long high = levels.stream().filter(l -> l == RiskLevel.HIGH).count();
        if (high >= 2) {
            fire(reasons, levels, "4.6", "multiple-high-risks", high + " rules at HIGH at once", RiskLevel.CRITICAL);
        }
        RiskLevel level = levels.stream().reduce(RiskLevel.LOW, RiskLevel::max);
        return new Risk(level, List.copyOf(reasons));
    }

    private static void fire(List<String> reasons, List<RiskLevel> levels, String clause, String rule, String fact,
            RiskLevel level) {
        reasons.add("[" + clause + "] " + rule + ": " + fact + " -> " + level);
        levels.add(level);
    }
}
