package com.privacyplatform.registry.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.registry.inspection.ComplianceFixtures;
import com.privacyplatform.testing.EventTap;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 4.3: partner.audit-finding-overdue, once per finding past its deadline and still awaiting the partner. */
@QuarkusTest
class AssessmentOverdueTest {

    @Inject
    FindingOverdueScanner scanner;

    @Test
    @Verifies(value = "4.3", exercises = "FindingOverdueScanner#emitDueNotices")
    void anOverdueFindingIsAnnouncedExactlyOnceWithTheFactsToActOn() {
        try (EventTap events = new EventTap(AssessmentEvents.FINDING_OVERDUE)) {
            UUID partner = ComplianceFixtures.partner("ACTIVE", 300);
            UUID audit = ComplianceFixtures.audit(partner, 60);
            UUID finding = ComplianceFixtures.finding(audit, partner, "CRITICAL", true, -3, "REOPENED");
            ComplianceFixtures.scan(scanner);
            ComplianceFixtures.scan(scanner);

            List<JsonNode> received = events.forSubject(partner.toString(), 2, Duration.ofSeconds(6));
            assertThat(received).hasSize(1);
            JsonNode data = received.get(0).get("data");
            assertThat(received.get(0).get("type").asText()).isEqualTo("partner.audit-finding-overdue");
            assertThat(data.get("partnerId").asText()).isEqualTo(partner.toString());
            assertThat(data.get("auditId").asText()).isEqualTo(audit.toString());
            assertThat(data.get("findingId").asText()).isEqualTo(finding.toString());
            assertThat(data.get("severity").asText()).isEqualTo("CRITICAL");
            assertThat(data.get("material").asBoolean()).isTrue();
            assertThat(data.get("rectificationDue").asText())
                    .isEqualTo(ComplianceFixtures.today().minusDays(3).toString());
        }
    }

    @Test
    void findingsThatAreRectifiedNotYetDueOrOfATerminatedPartnerAreNotAnnounced() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 300);
        UUID audit = ComplianceFixtures.audit(partner, 60);
        UUID submitted = ComplianceFixtures.finding(audit, partner, "HIGH", true, -3, "RECTIFICATION_SUBMITTED");
        UUID verified = ComplianceFixtures.finding(audit, partner, "HIGH", true, -3, "VERIFIED");
        UUID dueToday = ComplianceFixtures.finding(audit, partner, "HIGH", true, 0, "OPEN");
        UUID terminated = ComplianceFixtures.partner("TERMINATED", 300);
        UUID closedDown = ComplianceFixtures.finding(ComplianceFixtures.audit(terminated, 60), terminated, "HIGH", true,
                -3, "OPEN");
        ComplianceFixtures.scan(scanner);
        for (UUID finding : List.of(submitted, verified, dueToday, closedDown)) {
            assertThat(TestDb.count("SELECT count(*) FROM overdue_notice WHERE target_id = ?::uuid",
                    finding.toString())).isZero();
        }
    }
}
