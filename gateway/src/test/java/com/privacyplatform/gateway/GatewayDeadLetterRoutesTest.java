package com.privacyplatform.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.privacyplatform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The services' dead-letter tools through the gateway: {@code /api/services/{service}/dead-letters...}
 * reaches that service's {@code /dead-letters...} (the echo upstream stands for the registry), and
 * {@code /api/services/gateway/dead-letters} the gateway's own, for compliance officers only.
 */
@QuarkusTest
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = false)
class GatewayDeadLetterRoutesTest {

    private static final String LIST = "/api/services/registry/dead-letters";
    private static final String MESSAGE = LIST + "/partner-registry-service.scorecard-feed/messages/019ac2f1-5b7e-7d3a-9c41-2f0e8d1b6a55";

    @Test
    void anOfficerReachesAServicesDeadLettersWithTheGatewayPrefixStripped() {
        String token = Tokens.user("olivia");
        JsonPath echo = given().auth().oauth2(token).get(LIST).then().statusCode(200).extract().jsonPath();
        assertThat(echo.getString("method")).isEqualTo("GET");
        assertThat(echo.getString("uri")).isEqualTo("/dead-letters");
        assertThat(echo.getString("headers.authorization")).isEqualTo("Bearer " + token);
        assertThat(echo.getString("headers.x-forwarded-prefix")).isEqualTo("/api/services/registry");

        given().auth().oauth2(token).get(MESSAGE).then().statusCode(200)
                .body("uri", equalTo(MESSAGE.substring("/api/services/registry".length())));
        // (the echo upstream answers every POST with 201)
        given().auth().oauth2(token).post(MESSAGE + "/replay").then().statusCode(201)
                .body("method", equalTo("POST")).body("uri", containsString("/replay"));
        given().auth().oauth2(token).contentType("application/json").body("{\"reason\":\"bad test message\"}")
                .post(MESSAGE + "/discard").then().statusCode(201)
                .body("uri", equalTo(MESSAGE.substring("/api/services/registry".length()) + "/discard"));
    }

    @Test
    void theGatewaysOwnConsumerQueuesAreServedByTheGatewayItself() {
        // the test profile's consumer queue has no dead-letter queue: nothing to list, nothing to replay
        given().auth().oauth2(Tokens.user("olivia")).get("/api/services/gateway/dead-letters").then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().auth().oauth2(Tokens.user("olivia"))
                .post("/api/services/gateway/dead-letters/gateway-test.partner-controls/messages/x/replay")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void auditorsPartnersAndDataSubjectsAreRefusedAtTheGateway() {
        for (String token : List.of(Tokens.user("aaron"), Tokens.partner("partner-demo-a"), Tokens.user("alice"))) {
            for (String path : List.of(LIST, MESSAGE, "/api/services/gateway/dead-letters")) {
                given().auth().oauth2(token).get(path).then().statusCode(403)
                        .contentType("application/problem+json")
                        .body("detail", containsString("compliance officers"))
                        .body("$", not(hasKey("uri")));
            }
            given().auth().oauth2(token).post(MESSAGE + "/replay").then().statusCode(403);
        }
    }

    @Test
    void withoutATokenTheDeadLetterPathsAre401Problems() {
        for (String path : List.of(LIST, MESSAGE, "/api/services/gateway/dead-letters")) {
            given().get(path).then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void theCombinedOpenApiHasEachDeadLetterOperationOnceWithTheServiceAsPathParameter() {
        String path = "/api/services/{service}/dead-letters/{queue}/messages/{messageId}/replay";
        JsonPath doc = given().get("/api/openapi.json").then().statusCode(200)
                .body("paths", hasKey(path))
                .body("paths", not(hasKey("/api/dead-letters/{queue}/messages/{messageId}/replay")))
                .extract().jsonPath();
        assertThat(doc.getList("components.schemas.DeadLetterService.enum"))
                .containsExactly("breach", "consent", "dsr", "gateway", "registry");
        assertThat(doc.getList("paths.'" + path + "'.post.parameters.name")).containsExactly("service", "queue", "messageId");
    }

    @Test
    void unknownServicesAndOtherPathsAre404Problems() {
        String token = Tokens.user("olivia");
        given().auth().oauth2(token).get("/api/services/nothing/dead-letters").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("[breach, consent, dsr, registry]"));
        given().auth().oauth2(token).get("/api/services/registry/partners").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(token).get("/api/dead-letters").then().statusCode(404);
    }
}
