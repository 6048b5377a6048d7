package com.privacyplatform.commons.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.privacyplatform.commons.support.Partners;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemMappersTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Partners.A))
    void malformedJsonIsA400ProblemAndChangesNothing() {
        long before = TestDb.count("SELECT count(*) FROM test_widget");
        given().contentType(ContentType.JSON).body("{\"name\": x}")
                .post("/test/widgets")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://privacy-platform.example/problems/malformed-request"))
                .body("detail", equalTo("the request body is not well-formed JSON"))
                .body("status", equalTo(400));
        // a truncated document reads as no body at all: still a 400 problem, never a 500
        given().contentType(ContentType.JSON).body("{\"name\": \"x\",")
                .post("/test/widgets")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("instance", equalTo("/test/widgets"))
                .body("correlationId", notNullValue());
        assertThat(TestDb.count("SELECT count(*) FROM test_widget")).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Partners.A))
    void aNumericQueryParameterThatIsNotANumberIsA400NamingItAndChangesNothing() {
        String id = com.privacyplatform.commons.support.Widgets.create("numeric-query");
        long before = TestDb.count("SELECT count(*) FROM platform_outbox");
        for (String bad : new String[] {"abc", "1.5", "99999999999", "0x10"}) {
            given().post("/test/widgets/" + id + "/touches?n=" + bad)
                    .then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("type", equalTo("https://privacy-platform.example/problems/validation"))
                    .body("errors.field", hasItem("n"))
                    .body("errors.message", hasItem("must be an integer"));
        }
        assertThat(TestDb.count("SELECT count(*) FROM platform_outbox")).isEqualTo(before);
        // a malformed id in the path still names no resource
        given().post("/test/widgets/not-a-uuid/touches?n=1").then().statusCode(404).contentType(PROBLEM_JSON);
        given().post("/test/widgets/" + id + "/touches?n=2").then().statusCode(204);
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Partners.A))
    void aFieldOfTheWrongTypeIsNamed() {
        given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"size\":\"large\"}")
                .post("/test/widgets")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("size"));
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Partners.A))
    void validationFailuresListEveryFailingField() {
        long before = TestDb.count("SELECT count(*) FROM platform_outbox");
        given().contentType(ContentType.JSON).body("{\"name\":\"\",\"ownerEmail\":\"not-an-email\",\"size\":11}")
                .post("/test/widgets")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://privacy-platform.example/problems/validation"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("ownerEmail"))
                .body("errors.field", hasItem("size"));
        assertThat(TestDb.count("SELECT count(*) FROM platform_outbox")).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Partners.A))
    void aMissingBodyIsAValidationProblem() {
        given().contentType(ContentType.JSON).post("/test/widgets")
                .then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Partners.A))
    void wrongContentTypeIs415AndWrongMethodIs405() {
        given().contentType(ContentType.TEXT).body("name=x").post("/test/widgets")
                .then().statusCode(415).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://privacy-platform.example/problems/unsupported-media-type"));
        given().delete("/test/widgets")
                .then().statusCode(405).contentType(PROBLEM_JSON);
    }

    @Test
    void unknownPathIsA404Problem() {
        given().get("/no/such/path")
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://privacy-platform.example/problems/not-found"));
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Partners.A))
    void malformedPathIdIsNotA500() {
        given().get("/test/widgets/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void missingTokenIs401WithChallenge() {
        given().get("/test/probe/identity")
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("https://privacy-platform.example/problems/unauthenticated"));
    }

    @Test
    void garbageTokenIs401Problem() {
        given().auth().oauth2("not.a.token").get("/test/probe/identity")
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    void wrongRoleIs403Problem() {
        given().get("/test/probe/officer-only")
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://privacy-platform.example/problems/forbidden"));
    }

    @Test
    void policyRefusalIs422NamingTheClause() {
        given().get("/test/probe/policy")
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("clause", equalTo("3.1.c"))
                .body("type", equalTo("https://privacy-platform.example/problems/express-consent-required"))
                .body("errors[0].field", equalTo("purposes[0].method"));
    }

    @Test
    void rateLimitIs429WithRetryAfter() {
        given().get("/test/probe/rate")
                .then().statusCode(429).contentType(PROBLEM_JSON)
                .header("Retry-After", equalTo("3"));
    }

    @Test
    void unexpectedErrorIs500WithCorrelationIdAndNoInternals() {
        String body = given().header("X-Request-Id", "req-12345678").get("/test/probe/boom")
                .then().statusCode(500).contentType(PROBLEM_JSON)
                .header("X-Request-Id", equalTo("req-12345678"))
                .body("correlationId", equalTo("req-12345678"))
                .body("detail", not(containsString("hunter2")))
                .extract().asString();
        assertThat(body).doesNotContain("IllegalStateException").doesNotContain("hunter2")
                .doesNotContain("at com.");
    }

    @Test
    void aForgedRequestIdIsReplaced() {
        given().header("X-Request-Id", "has spaces <script>").get("/no/such/path")
                .then().statusCode(404)
                .header("X-Request-Id", not(containsString(" ")))
                .body("correlationId", not(containsString("script")));
    }
}
