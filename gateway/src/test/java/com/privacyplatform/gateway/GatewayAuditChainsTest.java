package com.privacyplatform.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/audit/verification}: every service's chain verified in one call, each service's
 * result and the overall status. The four services are stand-ins ({@link AuditUpstreams}) so that
 * broken chains, silence, dropped connections and odd answers can be produced; the end-to-end suite
 * runs it against the real services.
 */
@QuarkusTest
@TestProfile(GatewayAuditChainsTest.StandInServices.class)
class GatewayAuditChainsTest {

    public static class StandInServices implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.audit.verification-timeout", "2S");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(AuditUpstreams.class));
        }
    }

    @Test
    @Verifies(value = {"4.1", "1.8"}, exercises = "AuditChains#verifyAll")
    void anAuditorVerifiesEveryServicesChainInOneCall() {
        JsonPath report = verify(Tokens.user("aaron"), "intact-");
        assertThat(report.getString("status")).isEqualTo("VALID");
        assertThat(report.getString("checkedAt")).endsWith("Z");
        assertThat(report.getList("services.service")).containsExactly("breach", "consent", "dsr", "registry");
        assertThat(report.getList("services.status")).containsOnly("VALID");
        // each service's own answer, as it gave it: the head an auditor keeps as a checkpoint
        assertThat(report.getList("services.verification.recordsChecked", Integer.class)).containsOnly(12);
        assertThat(report.getString("services.find { it.service == 'consent' }.verification.headHash"))
                .isEqualTo("consent-head");
        assertThat(report.getList("services.findAll { it.detail != null }")).isEmpty();
    }

    @Test
    @Verifies(value = {"4.1", "1.8"}, exercises = "AuditChains#verifyAll")
    void aBrokenChainIsReportedAndServicesThatDoNotAnswerAreNeverValid() {
        JsonPath report = verify(Tokens.user("olivia"), "trouble-");
        assertThat(report.getString("status")).isEqualTo("BROKEN");
        assertThat(service(report, "registry").get("status")).isEqualTo("VALID");
        assertThat(service(report, "consent")).containsEntry("status", "BROKEN").doesNotContainKey("detail");
        assertThat(report.getInt("services.find { it.service == 'consent' }.verification.firstBrokenSeq")).isEqualTo(7);
        assertThat(report.getString("services.find { it.service == 'consent' }.verification.problem"))
                .contains("record 7 was altered");
        Map<String, Object> dsr = service(report, "dsr");
        assertThat(dsr).containsEntry("status", "UNAVAILABLE").doesNotContainKey("verification");
        assertThat((String) dsr.get("detail")).contains("did not answer within 2 s");
        Map<String, Object> breach = service(report, "breach");
        assertThat(breach).containsEntry("status", "UNAVAILABLE");
        assertThat((String) breach.get("detail")).contains("not reachable");
    }

    @Test
    @Verifies({"4.1", "1.8"})
    void refusalsErrorsAndOddAnswersLeaveTheVerificationIncomplete() {
        JsonPath report = verify(Tokens.user("aaron"), "odd-");
        assertThat(report.getString("status")).isEqualTo("INCOMPLETE");
        assertThat(service(report, "breach").get("status")).isEqualTo("VALID");
        assertThat(service(report, "registry")).containsEntry("status", "UNAVAILABLE")
                .containsEntry("detail", "the service answered HTTP 500");
        assertThat(service(report, "consent")).containsEntry("status", "UNAVAILABLE")
                .containsEntry("detail", "the service's answer is not an audit chain verification");
        assertThat(service(report, "dsr")).containsEntry("status", "UNAVAILABLE")
                .containsEntry("detail", "the service refused the verification (HTTP 403)");
    }

    private static JsonPath verify(String token, String scenario) {
        return given().auth().oauth2(token).header("X-Request-Id", scenario + UUID.randomUUID())
                .get("/api/audit/verification")
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    private static Map<String, Object> service(JsonPath report, String name) {
        return report.getMap("services.find { it.service == '" + name + "' }");
    }
}
