package com.privacyplatform.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The services' audit trails through the gateway: {@code /api/audit/{service}/audit-records[/verification]}
 * reaches that service's {@code /audit-records[/verification]} (here the echo upstream stands for the
 * registry) for compliance officers and auditors only, as in the services themselves.
 */
@QuarkusTest
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = false)
class GatewayAuditRoutesTest {

    private static final String RECORDS = "/api/audit/registry/audit-records";
    private static final String VERIFICATION = "/api/audit/registry/audit-records/verification";
    private static final String ALL_CHAINS = "/api/audit/verification";

    @Test
    @Verifies(value = {"4.1", "1.8"}, exercises = "ApiRoutes#mayUse")
    void anAuditorReadsAServicesTrailByItsNameWithTheGatewayPrefixStripped() {
        String token = Tokens.user("aaron");
        JsonPath echo = given().auth().oauth2(token).header("X-Request-Id", "audit-route-0001")
                .get(RECORDS + "?targetType=partner&limit=5")
                .then().statusCode(200).header("Cache-Control", "no-store")
                .extract().jsonPath();
        assertThat(echo.getString("method")).isEqualTo("GET");
        assertThat(echo.getString("uri")).isEqualTo("/audit-records?targetType=partner&limit=5");
        assertThat(echo.getString("headers.authorization")).isEqualTo("Bearer " + token);
        assertThat(echo.getString("headers.x-request-id")).isEqualTo("audit-route-0001");
        assertThat(echo.getString("headers.x-forwarded-prefix")).isEqualTo("/api/audit/registry");
    }

    @Test
    @Verifies(value = {"4.1", "1.8"}, exercises = "ApiRoutes#mayUse")
    void anOfficerReachesAServicesChainVerification() {
        given().auth().oauth2(Tokens.user("olivia")).get(VERIFICATION)
                .then().statusCode(200).body("uri", equalTo("/audit-records/verification"));
    }

    @Test
    @Verifies("3.4.f")
    void partnersAndDataSubjectsAreRefusedAtTheGateway() {
        for (String token : List.of(Tokens.partner("partner-demo-a"), Tokens.user("alice"))) {
            for (String path : List.of(RECORDS, VERIFICATION, ALL_CHAINS)) {
                given().auth().oauth2(token).get(path).then().statusCode(403)
                        .contentType("application/problem+json")
                        .body("type", equalTo("https://privacy-platform.example/problems/forbidden"))
                        .body("detail", containsString("compliance officers and auditors"))
                        .body("instance", equalTo(path))
                        // refused by the gateway itself: nothing was forwarded to the echo upstream
                        .body("$", not(hasKey("uri")));
            }
        }
    }

    @Test
    void withoutATokenTheAuditPathsAre401Problems() {
        for (String path : List.of(RECORDS, VERIFICATION, ALL_CHAINS)) {
            given().get(path).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("type", equalTo("https://privacy-platform.example/problems/unauthenticated"));
        }
    }

    @Test
    void unknownServicesAndOtherPathsUnderAuditAre404Problems() {
        String token = Tokens.user("aaron");
        given().auth().oauth2(token).get("/api/audit/nothing/audit-records").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("[breach, consent, dsr, registry]"));
        // the privacy center is a web page, not an /api service with an audit trail
        given().auth().oauth2(token).get("/api/audit/privacy-center/audit-records").then().statusCode(404);
        // only the audit paths are reachable by a service's name
        given().auth().oauth2(token).get("/api/audit/registry/partners").then().statusCode(404);
        given().auth().oauth2(token).get("/api/audit-records").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theOneCallVerificationOnlyReads() {
        given().auth().oauth2(Tokens.user("aaron")).contentType("application/json").body("{}").post(ALL_CHAINS)
                .then().statusCode(405).contentType("application/problem+json").header("Allow", "GET")
                .body("type", equalTo("https://privacy-platform.example/problems/method-not-allowed"));
    }

    @Test
    void theCombinedOpenApiHasEachAuditOperationOnceWithTheServiceAsPathParameter() {
        JsonPath doc = given().get("/api/openapi.json").then().statusCode(200)
                .body("paths", hasKey("/api/audit/{service}/audit-records"))
                .body("paths", hasKey(ALL_CHAINS))
                .body("paths", not(hasKey("/api/audit-records")))
                .extract().jsonPath();
        assertThat(doc.getList("components.schemas.AuditedService.enum"))
                .containsExactly("breach", "consent", "dsr", "registry");
        List<String> parameters = doc.getList("paths.'/api/audit/{service}/audit-records'.get.parameters.name");
        assertThat(parameters).containsExactly("service", "limit");
        assertThat(doc.getString("paths.'/api/audit/verification'.get.responses.'200'.content.'application/json'"
                + ".schema.$ref")).isEqualTo("#/components/schemas/AuditChainsVerification");
    }
}
