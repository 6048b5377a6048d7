package com.privacyplatform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.gateway.routing.PartnerRoutes;
import com.privacyplatform.gateway.routing.PartnerRoutes.Use;
import org.junit.jupiter.api.Test;

/**
 * The classification of operations into duty and data routes (3.4.j, 3.5.d, 5.1). That every
 * operation of the combined OpenAPI is classified is checked where that document is built (the
 * partner SDK's {@code EveryOperationIsClassifiedTest}).
 */
class PartnerRoutesTest {

    private static final String ID = "019ac2f1-5b7e-7d3a-9c41-2f0e8d1b6a55";

    @Test
    void theDutiesOfAPartnerAreDutyRoutes() {
        assertThat(PartnerRoutes.use("GET", "/tasks")).isEqualTo(Use.DUTY);
        assertThat(PartnerRoutes.use("get", "/tasks/" + ID)).isEqualTo(Use.DUTY);
        for (String action : new String[] {"claim", "completion", "rejection"}) {
            assertThat(PartnerRoutes.use("POST", "/tasks/" + ID + "/" + action)).isEqualTo(Use.DUTY);
        }
        assertThat(PartnerRoutes.use("POST", "/incidents")).isEqualTo(Use.DUTY);
        assertThat(PartnerRoutes.use("POST", "/incidents/" + ID + "/updates")).isEqualTo(Use.DUTY);
        assertThat(PartnerRoutes.use("POST", "/incidents/" + ID + "/duties/" + ID + "/completion")).isEqualTo(Use.DUTY);
        assertThat(PartnerRoutes.use("GET", "/incidents/" + ID + "/deletion-orders/" + ID)).isEqualTo(Use.DUTY);
        assertThat(PartnerRoutes.use("POST", "/partners/" + ID + "/audits/" + ID + "/findings/" + ID + "/rectification"))
                .isEqualTo(Use.DUTY);
        assertThat(PartnerRoutes.use("POST", "/partners/" + ID + "/self-inspections")).isEqualTo(Use.DUTY);
        assertThat(PartnerRoutes.use("GET", "/partners/" + ID)).isEqualTo(Use.DUTY);
        assertThat(PartnerRoutes.use("GET", "/partners/" + ID + "/status-history")).isEqualTo(Use.DUTY);
        assertThat(PartnerRoutes.use("POST", "/consents/" + ID + "/revocation")).isEqualTo(Use.DUTY);
    }

    @Test
    void whatObtainsOrUsesPersonalInformationIsADataRoute() {
        assertThat(PartnerRoutes.use("POST", "/consents")).isEqualTo(Use.DATA);
        assertThat(PartnerRoutes.use("POST", "/consents/check")).isEqualTo(Use.DATA);
        assertThat(PartnerRoutes.use("POST", "/consents/imports")).isEqualTo(Use.DATA);
        assertThat(PartnerRoutes.use("GET", "/consents/" + ID)).isEqualTo(Use.DATA);
        assertThat(PartnerRoutes.use("GET", "/subjects/" + ID + "/holders")).isEqualTo(Use.DATA);
        assertThat(PartnerRoutes.use("POST", "/partners/" + ID + "/processors")).isEqualTo(Use.DATA);
        assertThat(PartnerRoutes.use("POST", "/partners/" + ID + "/retention-bases")).isEqualTo(Use.DATA);
        assertThat(PartnerRoutes.use("GET", "/requests/" + ID + "/export")).isEqualTo(Use.DATA);
    }

    @Test
    void theOperatorsDeadLetterToolsAreDataRoutesClassifiedByTheirOwnRules() {
        String base = "/services/consent/dead-letters";
        String message = base + "/consent-service.partner-events/messages/" + ID;
        for (String[] op : new String[][] {{"GET", base}, {"GET", base + "/consent-service.partner-events/messages"},
                {"GET", message}, {"POST", message + "/replay"}, {"POST", message + "/discard"}}) {
            assertThat(PartnerRoutes.rule(op[0], op[1])).as(op[0] + " " + op[1]).isPresent();
            assertThat(PartnerRoutes.use(op[0], op[1])).isEqualTo(Use.DATA);
        }
        assertThat(PartnerRoutes.rule("DELETE", message)).isEmpty();
    }

    @Test
    void anUnclassifiedOperationIsNamedByNoRuleAndJudgedAsData() {
        assertThat(PartnerRoutes.rule("DELETE", "/tasks/" + ID)).isEmpty();
        assertThat(PartnerRoutes.rule("GET", "/tasks/" + ID + "/secrets")).isEmpty();
        assertThat(PartnerRoutes.rule("GET", "/nowhere")).isEmpty();
        assertThat(PartnerRoutes.use("DELETE", "/tasks/" + ID)).isEqualTo(Use.DATA);
        assertThat(PartnerRoutes.use("PATCH", "/partners/" + ID)).isEqualTo(Use.DATA);
    }

    @Test
    void everyRuleSaysWhyAndNamesOneMethod() {
        assertThat(PartnerRoutes.rules()).allSatisfy(rule -> {
            assertThat(rule.why()).isNotBlank();
            assertThat(rule.methods()).hasSize(1);
        });
    }
}
