package com.privacyplatform.e2e;

import static com.privacyplatform.e2e.Platform.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.privacyplatform.testing.Tokens;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The README's curl walkthrough works when pasted: its {@code bash walkthrough} blocks, read from
 * README.md at test time, run as written under {@code bash -euo pipefail} - from a token through
 * onboarding (which creates the partner's client in Keycloak and answers its secret), security
 * officer, scope and activation to a consent that is checked, revoked and checked again, and a
 * data-subject request the partner answers. They run for a new partner client id (its client is
 * deleted again afterwards) and a fresh subject made here through Keycloak's admin API (never
 * alice, so no other test is disturbed), and what they did is then read back from the platform.
 */
class WalkthroughTest {

    private static final String ALICE = ConsentAndRequestJourneyTest.ALICE;

    @Test
    void theReadmeWalkthroughRunsAsWrittenForAThrowawayPartnerAndSubject() throws Exception {
        List<String> blocks = ReadmeWalkthrough.blocks();
        assertThat(blocks).as("bash walkthrough blocks in README.md").hasSizeGreaterThanOrEqualTo(5);
        String clientId = "e2e-walkthrough-" + UUID.randomUUID();
        String partnerId = ReadmeWalkthrough.partnerId(clientId);
        try (KeycloakFixture keycloak = new KeycloakFixture()) {
            keycloak.track(clientId); // onboarding creates it
            KeycloakFixture.SubjectUser subject = keycloak.subjectUser();
            ReadmeWalkthrough.Run run = ReadmeWalkthrough.run(blocks, Map.of("CLIENT_ID", clientId,
                    "SUBJECT", subject.id(), "SUBJECT_USER", subject.username(), "SUBJECT_PASSWORD", subject.password()),
                    Path.of("target", "walkthrough", "output.log"), 240);

            assertThat(run.exitCode()).as("exit code; output:%n%s", run.output()).isZero();
            assertThat(run.output()).as(run.output()).containsSubsequence(
                    "partner " + clientId + " has id " + partnerId,
                    "\"status\": \"PENDING\"", "\"method\": \"CLIENT_SECRET\"",
                    "\"securityOfficer\"", "\"department\": \"Information Security Department\"",
                    "\"status\": \"ACTIVE\"",
                    "consent-service has the scope: the check answers NO_CONSENT",
                    "\"state\": \"GRANTED\"",
                    "\"decision\": \"ALLOW\"", "\"reason\": \"CONSENT_GRANTED\"",
                    "\"state\": \"REVOKED\"",
                    "\"decision\": \"DENY\"", "\"reason\": \"CONSENT_REVOKED\"",
                    "\"type\": \"ACCESS\"", "\"status\": \"OPEN\"",
                    "\"kind\": \"PARTNER\"",
                    "\"status\": \"COMPLETED\"", "\"outcome\": \"FULFILLED\"",
                    "\"purpose\": \"marketing.communications\"", "\"state\": \"GRANTED\"");

            // what the walkthrough did, read back from the platform on its own
            String officer = Platform.officer();
            as(officer).get("/api/partners/" + partnerId).then().statusCode(200)
                    .body("oidcClientId", equalTo(clientId)).body("status", equalTo("ACTIVE"))
                    .body("securityOfficer.department", equalTo("Information Security Department"));
            assertThat(check(officer, partnerId, subject.id(), "payment_processing", "user.name"))
                    .containsEntry("decision", "DENY").containsEntry("reason", "CONSENT_REVOKED");
            assertThat(check(officer, partnerId, subject.id(), "marketing.communications", "user.contact.email"))
                    .containsEntry("decision", "ALLOW");
            String subjectToken = passwordToken(subject);
            JsonPath requests = as(subjectToken).queryParam("type", "ACCESS").get("/api/requests").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(requests.getList("items.status")).containsExactly("COMPLETED");
            assertThat(requests.getList("items.outcome")).containsExactly("FULFILLED");
            String requestId = requests.getString("items[0].id");
            as(subjectToken).get("/api/requests/" + requestId).then().statusCode(200)
                    .body("partnerIds", equalTo(List.of(partnerId)));
        }
    }

    @Test
    void theWalkthroughsDefaultsAreANewPartnerAndTheDemoRealmsAlice() throws Exception {
        Map<String, String> defaults = ReadmeWalkthrough.defaults(ReadmeWalkthrough.blocks());
        assertThat(defaults).containsOnlyKeys("CLIENT_ID", "SUBJECT", "SUBJECT_USER", "SUBJECT_PASSWORD");
        // the partner is not one the realm file prepares: onboarding creates its client
        String realm = java.nio.file.Files.readString(ReadmeWalkthrough.ROOT.resolve("infra/keycloak/realm-privacy.json"));
        assertThat(realm).doesNotContain("\"" + defaults.get("CLIENT_ID") + "\"");
        // SUBJECT is the default user's sub
        String subjectToken = passwordToken(new KeycloakFixture.SubjectUser(defaults.get("SUBJECT_USER"),
                defaults.get("SUBJECT_PASSWORD"), null));
        assertThat(claim(subjectToken, "sub")).isEqualTo(defaults.get("SUBJECT")).isEqualTo(ALICE);
    }

    private static Map<String, Object> check(String officer, String partnerId, String subject, String purpose,
            String category) {
        return as(officer).body(Map.of("partnerId", partnerId, "subjectId", subject, "purpose", purpose,
                "category", category)).post("/api/consents/check").then().statusCode(200).extract().jsonPath()
                .getMap("$");
    }

    private static String passwordToken(KeycloakFixture.SubjectUser user) {
        return given().formParam("grant_type", "password").formParam("client_id", "privacy-cli")
                .formParam("username", user.username()).formParam("password", user.password())
                .post(Tokens.TOKEN_URL).then().statusCode(200).extract().path("access_token");
    }

    private static String claim(String token, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(payload).getString(name);
    }
}
