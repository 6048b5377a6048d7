package com.privacyplatform.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: every error is problem+json, transport-level ones included. A 4 KB path parameter on
 * every operation of the combined OpenAPI is a 414 problem from the gateway (it was a bare 414);
 * a wrong method and an unacceptable {@code Accept} on a forwarded path are the service's 405 (with
 * {@code Allow}) and 406 problems, passed through.
 */
class TransportErrorsTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPES = "https://privacy-platform.example/problems/";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void aFourKilobytePathParameterIsA414ProblemOnEveryOperation() {
        JsonPath api = Platform.anonymous().get("/api/openapi.json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = api.getMap("paths");
        String huge = "a".repeat(4096);
        int operations = 0;
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            if (!path.getKey().contains("{")) {
                continue;
            }
            String target = path.getKey().replaceAll("\\{[^}]+}", huge);
            for (String method : path.getValue().keySet()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                operations++;
                given().baseUri(Platform.GATEWAY).urlEncodingEnabled(false).request(method.toUpperCase(), target)
                        .then().statusCode(414).contentType(PROBLEM_JSON)
                        .body("type", equalTo(TYPES + "uri-too-long")).body("status", equalTo(414));
            }
        }
        assertThat(operations).as("operations with a path parameter").isGreaterThan(30);
    }

    @Test
    void aWrongMethodAndAnUnacceptableAcceptOnAForwardedPathAreTheServicesProblems() {
        String officer = Platform.officer();
        Platform.as(officer).delete("/api/partners").then().statusCode(405).contentType(PROBLEM_JSON)
                .header("Allow", containsString("GET")).header("Allow", containsString("POST"))
                .body("type", equalTo(TYPES + "method-not-allowed"));
        Platform.as(officer).accept("text/csv").get("/api/incidents").then().statusCode(406)
                .contentType(PROBLEM_JSON).body("type", equalTo(TYPES + "not-acceptable"));
    }
}
