package com.privacyplatform.consent.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.identity.token.VerifiedTokens;
import com.privacyplatform.consent.support.Fixtures;
import com.privacyplatform.consent.support.RealTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** End to end with real Keycloak tokens: partner-demo-a records for alice; tenancy holds for everyone else. */
@QuarkusTest
class RealTokensTest {

    @Inject
    VerifiedTokens tokens;

    @Inject
    MeterRegistry meters;

    @BeforeAll
    static void partners() {
        Fixtures.knownPartners();
    }

    @Test
    @Verifies({"3.5.a", "3.4.f"})
    void aliceReadsAndRevokesWhatPartnerARecordedWhileOthersSeeNothing() {
        String id = as(RealTokens.partnerA()).contentType(ContentType.JSON)
                .body(Fixtures.body(Fixtures.ALICE).purpose("marketing.communications", true, "user.contact.email").json())
                .post("/consents").then().statusCode(201).extract().path("items[0].consent.id");

        as(RealTokens.user("alice")).get("/consents/" + id).then().statusCode(200)
                .body("subjectId", equalTo(Fixtures.ALICE));
        as(RealTokens.user("alice")).get("/consents").then().statusCode(200).body("items.id", hasItem(id));
        as(RealTokens.user("bob")).get("/consents/" + id).then().statusCode(404);
        String partnerB = RealTokens.partnerB();
        as(partnerB).get("/consents/" + id).then().statusCode(404);
        as(partnerB).get("/consents/" + id + "/history").then().statusCode(404);
        as(partnerB).get("/consents/" + id + "/receipt").then().statusCode(404);
        as(partnerB).contentType(ContentType.JSON).body("{}").post("/consents/" + id + "/revocation").then()
                .statusCode(404);
        as(RealTokens.user("olivia")).get("/consents/" + id).then().statusCode(200);
        as(RealTokens.user("aaron")).contentType(ContentType.JSON).body("{}")
                .post("/consents/" + id + "/revocation").then().statusCode(403);

        as(RealTokens.user("alice")).contentType(ContentType.JSON).body("{\"reason\":\"changed my mind\"}")
                .post("/consents/" + id + "/revocation").then().statusCode(200).body("state", equalTo("REVOKED"));
        as(RealTokens.partnerA()).contentType(ContentType.JSON).body("{\"subjectId\":\"" + Fixtures.ALICE
                        + "\",\"purpose\":\"marketing.communications\",\"category\":\"user.contact.email\"}")
                .post("/consents/check").then().statusCode(200)
                .body("decision", equalTo("DENY")).body("reason", equalTo("CONSENT_REVOKED"));
    }

    @Test
    void platformServicesLookUpHoldersWithTheirClientCredentials() {
        as(RealTokens.partnerA()).contentType(ContentType.JSON)
                .body(Fixtures.body(Fixtures.ALICE).purpose("analytics", true, "user.device.identifier").json())
                .post("/consents").then().statusCode(201);
        as(RealTokens.platformServices()).get("/subjects/" + Fixtures.ALICE + "/holders").then().statusCode(200)
                .body("holders.partnerId", hasItem(Fixtures.A));
        as(RealTokens.user("alice")).get("/subjects/" + Fixtures.ALICE + "/holders").then().statusCode(200);
        as(RealTokens.user("bob")).get("/subjects/" + Fixtures.ALICE + "/holders").then().statusCode(404);
    }

    @Test
    void forgedAndMissingTokensAreUnauthenticated() {
        given().header("Authorization", "Bearer not.a.token").get("/consents").then().statusCode(401)
                .contentType("application/problem+json");
        String token = RealTokens.partnerA();
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
        given().header("Authorization", "Bearer " + tampered).contentType(ContentType.JSON).body("{}")
                .post("/consents/check").then().statusCode(401);
        given().get("/consents").then().statusCode(401);
    }

    @Test
    @Verifies(value = "3.4.b", exercises = "VerifiedTokens#lookup")
    void aVerifiedTokenIsRememberedAndATamperedCopyOfItIsStillRefused() {
        String token = RealTokens.partnerA();
        as(token).get("/consents").then().statusCode(200);
        assertThat(tokens.contains(token)).isTrue();
        // the next request is answered from the cache (before quarkus-oidc parses the token), roles applied as before
        double hits = cacheHits();
        as(token).get("/consents").then().statusCode(200);
        assertThat(cacheHits()).isEqualTo(hits + 1);
        // the scheme in lower case is still a bearer token (RFC 6750), and a partner's role still does not reach
        // an endpoint of other roles
        given().header("Authorization", "bearer " + token).get("/subjects/someone-1/holders").then().statusCode(403);
        assertThat(cacheHits()).isEqualTo(hits + 2);
        // same header and payload, another signature: quarkus-oidc refuses it, the cache never answers it
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer " + forged).get("/consents").then().statusCode(401);
            assertThat(tokens.contains(forged)).isFalse();
        }
        as(token).get("/consents").then().statusCode(200);
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", RealTokens.bearer(token));
    }

    private double cacheHits() {
        return meters.counter("platform.token.cache", "result", "hit").count();
    }
}
