package com.privacyplatform.registry.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.registry.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The partner directory: public business facts for every role, never personal or internal fields (1.1, 3.2.d). */
@QuarkusTest
class PartnerDirectoryTest {

    static final String A = Fixtures.A;
    static final String B = Fixtures.B;
    static UUID terminated;

    @BeforeAll
    static void partners() {
        Fixtures.knownPartners();
        terminated = Fixtures.partner("TERMINATED", true);
    }

    private static ValidatableResponse lookup(Object... ids) {
        return given().queryParam("id", ids).get("/partner-directory").then();
    }

    /** Only the four public fields; none of the personal values the fixtures hold appear anywhere. */
    private static void onlyPublicFacts(ValidatableResponse response) {
        String body = response.extract().asString();
        for (String personal : List.of("Li Wei", "li.wei", "+86138", "Zhang San", "zhang.san", "+86139", "Security",
                "contact", "securityOfficer", "oidcClientId", "known-", "scope", "statusReason")) {
            if (body.contains(personal)) {
                throw new AssertionError("directory answer contains '" + personal + "': " + body);
            }
        }
    }

    @Test
    @TestSecurity(user = "alice", roles = "data-subject")
    @Verifies(value = {"1.1", "3.2.d"}, exercises = {"PartnerDirectoryResource#lookup", "PartnerDirectoryResource#one"})
    void aDataSubjectLearnsWhoThePartnersAre() {
        String unknown = UUID.randomUUID().toString();
        ValidatableResponse response = lookup(B, unknown, A, terminated.toString()).statusCode(200)
                .contentType(containsString("application/json"))
                .body("items", hasSize(3))
                .body("items.partnerId", contains(B, A, terminated.toString()))
                .body("items[0].legalName", equalTo("Known " + B))
                .body("items[0].jurisdiction", equalTo("CN"))
                .body("items[0].status", equalTo("ACTIVE"))
                .body("items[2].status", equalTo("TERMINATED"))
                .body("items[0].keySet()", containsInAnyOrder("partnerId", "legalName", "jurisdiction", "status"));
        onlyPublicFacts(response);
        ValidatableResponse one = given().get("/partner-directory/" + A).then().statusCode(200)
                .body("partnerId", equalTo(A)).body("legalName", equalTo("Known " + A))
                .body("keySet()", containsInAnyOrder("partnerId", "legalName", "jurisdiction", "status"));
        onlyPublicFacts(one);
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    @Verifies("3.2.d")
    void officersGetTheSamePublicFactsOnly() {
        onlyPublicFacts(lookup(A).statusCode(200).body("items[0].legalName", equalTo("Known " + A)));
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsMayLookUp() {
        onlyPublicFacts(lookup(A, B).statusCode(200).body("items", hasSize(2)));
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = A))
    @Verifies("3.2.d")
    void aPartnerSeesOtherPartnersPublicFactsOnly() {
        onlyPublicFacts(lookup(B).statusCode(200).body("items[0].partnerId", equalTo(B)));
        onlyPublicFacts(given().get("/partner-directory/" + B).then().statusCode(200));
    }

    @Test
    @TestSecurity(user = "service-account-platform-services", roles = "platform-service")
    void servicesMayLookUp() {
        lookup(A).statusCode(200).body("items", hasSize(1));
    }

    @Test
    @TestSecurity
    void anonymousLookupsAreUnauthenticated() {
        lookup(A).statusCode(401);
        given().get("/partner-directory/" + A).then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "nobody", roles = "guest")
    void otherRolesAreForbidden() {
        lookup(A).statusCode(403);
    }

    @Test
    @TestSecurity(user = "alice", roles = "data-subject")
    void unknownIdsAreAbsentOrNotFound() {
        lookup(UUID.randomUUID().toString()).statusCode(200).body("items", hasSize(0));
        given().get("/partner-directory/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("https://privacy-platform.example/problems/not-found"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "data-subject")
    void badInputIs400ProblemJson() {
        lookup(A, "not-a-uuid").statusCode(400).contentType(containsString("application/problem+json"))
                .body("status", equalTo(400)).body("errors[0].field", equalTo("id[1]"));
        given().get("/partner-directory").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors[0].field", equalTo("id"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(UUID.randomUUID().toString());
        }
        lookup(many.toArray()).statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors[0].message", containsString("at most 100"));
        List<String> hundred = many.subList(0, 100);
        lookup(hundred.toArray()).statusCode(200).body("items", hasSize(0));
        given().get("/partner-directory/not-a-uuid").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors[0].field", equalTo("id"));
        given().get("/partner-directory/" + A.toUpperCase() + "x").then().statusCode(400)
                .body("title", not(equalTo(null)));
    }
}
