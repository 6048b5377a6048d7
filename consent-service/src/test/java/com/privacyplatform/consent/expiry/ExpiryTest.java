package com.privacyplatform.consent.expiry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.consent.support.Events;
import com.privacyplatform.consent.support.Fixtures;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Expiry: a consent past its expiry stops allowing at once; the scan marks it EXPIRED and emits consent.expired once. */
@QuarkusTest
@TestSecurity(user = "partner-a", roles = "partner")
@OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
class ExpiryTest {

    @Inject
    ExpiryScanner scanner;

    @BeforeAll
    static void partners() {
        Fixtures.knownPartners();
    }

    @Test
    @Verifies(value = "3.2.a", exercises = "ExpiryScanner#expireBatch")
    void anExpiredConsentStopsAllowingBeforeTheScanAndTheScanEmitsConsentExpiredOnce() throws Throwable {
        String subject = Fixtures.subject();
        String id = given().contentType(ContentType.JSON).body(Fixtures.body(subject)
                        .with("expiresAt", Instant.now().plusMillis(1500).toString())
                        .purpose("analytics", true, "user.device.identifier").json())
                .post("/consents").then().statusCode(201).extract().path("items[0].consent.id");
        String check = "{\"subjectId\":\"" + subject + "\",\"purpose\":\"analytics\",\"category\":\"user.device.identifier\"}";
        given().contentType(ContentType.JSON).body(check).post("/consents/check").then().body("decision", equalTo("ALLOW"));

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().contentType(ContentType.JSON).body(check).post("/consents/check").then()
                        .body("decision", equalTo("DENY")).body("reason", equalTo("CONSENT_EXPIRED")));
        assertThat(TestDb.single("SELECT state FROM consent WHERE id = ?::uuid", id)).isEqualTo("GRANTED");

        try (Events events = new Events("consent.expired")) {
            assertThat(VertxContextSupport.subscribeAndAwait(scanner::scan)).isGreaterThanOrEqualTo(1);
            assertThat(VertxContextSupport.subscribeAndAwait(scanner::scan)).isZero();
            List<JsonNode> expired = events.forConsents(List.of(id), 2, Duration.ofSeconds(2));
            assertThat(expired).hasSize(1);
            assertThat(expired.get(0).get("data").get("expiresAt").asText()).isNotBlank();
        }
        assertThat(TestDb.single("SELECT state FROM consent WHERE id = ?::uuid", id)).isEqualTo("EXPIRED");
        given().get("/consents/" + id + "/history").then().body("[1].state", equalTo("EXPIRED"))
                .body("[1].cause", equalTo("EXPIRY"));
        given().contentType(ContentType.JSON).body(check).post("/consents/check").then()
                .body("reason", equalTo("CONSENT_EXPIRED"));
        given().contentType(ContentType.JSON).body("{}").post("/consents/" + id + "/revocation").then().statusCode(409);
    }
}
