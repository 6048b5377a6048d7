package com.privacyplatform.consent.holders;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.consent.support.Fixtures;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The holdings feed of issue 18.2: every granted decision as dsr-service's projection keeps it. */
@QuarkusTest
class HoldingsFeedTest {

    @Test
    @TestSecurity(user = "dsr-service", roles = Roles.SERVICE)
    void everyGrantedDecisionIsAHoldingWithWhatBecameOfIt() {
        String subject = Fixtures.subject();
        String active = Fixtures.consent(Fixtures.A, subject, "payment_processing", "GRANTED", null, "user.name");
        String revoked = Fixtures.consent(Fixtures.A, subject, "marketing.communications", "REVOKED",
                "[{\"name\": \"Jane Doe\", \"country\": \"SG\", \"kind\": \"PERSON\"}]", "user.contact.email");
        String refused = Fixtures.consent(Fixtures.A, subject, "analytics", "REFUSED", null, "user.device.identifier");
        TestDb.execute("INSERT INTO consent_history (id, consent_id, state, previous_state, cause, actor, actor_role,"
                + " request_id, at) VALUES (gen_random_uuid(), '" + revoked + "', 'REVOKED', 'GRANTED', 'DSR',"
                + " 'service:dsr', 'platform-service', 'c0a5e000-0000-4000-8000-0000000009aa', now())");

        Map<String, Map<String, Object>> mine = all().stream().filter(h -> subject.equals(h.get("subjectId")))
                .collect(Collectors.toMap(h -> (String) h.get("consentId"), h -> h));
        assertThat(mine).containsOnlyKeys(active, revoked); // a refusal holds nothing
        assertThat(mine.get(active)).containsEntry("status", "ACTIVE").containsEntry("partnerId", Fixtures.A)
                .containsEntry("purpose", "payment_processing").containsEntry("categories", List.of("user.name"))
                .containsEntry("jurisdiction", "CN").containsEntry("method", "CHECKBOX").containsEntry("endedAt", null);
        assertThat(mine.get(revoked)).containsEntry("status", "REVOKED")
                .containsEntry("endedByRequestId", "c0a5e000-0000-4000-8000-0000000009aa");
        assertThat(mine.get(revoked).get("endedAt")).isNotNull();
        // a PERSON recipient's name is masked, as in the events (3.2.d)
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> recipients = (List<Map<String, Object>>) mine.get(revoked).get("recipients");
        assertThat(recipients).hasSize(1);
        assertThat((String) recipients.get(0).get("name")).isNotEqualTo("Jane Doe").contains("*");
        assertThat(refused).isNotNull();
    }

    @Test
    @TestSecurity(user = "dsr-service", roles = Roles.SERVICE)
    void pagesFollowTheirCursorsAndABadLimitIsA400() {
        Fixtures.consent(Fixtures.A, Fixtures.subject(), "payment_processing", "GRANTED", null, "user.name");
        Fixtures.consent(Fixtures.A, Fixtures.subject(), "payment_processing", "GRANTED", null, "user.name");
        JsonPath first = given().queryParam("limit", 1).get("/holdings-feed").then().statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", notNullValue()).extract().jsonPath();
        String second = given().queryParam("limit", 1).queryParam("cursor", first.getString("nextCursor"))
                .get("/holdings-feed").then().statusCode(200).body("items", hasSize(1)).extract().path("items[0].consentId");
        assertThat(second).isGreaterThan(first.getString("items[0].consentId"));
        for (String bad : new String[] {"0", "501", "ten"}) {
            given().queryParam("limit", bad).get("/holdings-feed").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        }
        given().queryParam("cursor", "not-a-cursor").get("/holdings-feed").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "officer", roles = Roles.OFFICER)
    void officersDoNotReadTheFeed() {
        given().get("/holdings-feed").then().statusCode(403);
    }

    @Test
    void anonymousCallersAreRefused() {
        given().get("/holdings-feed").then().statusCode(401);
    }

    private static List<Map<String, Object>> all() {
        List<Map<String, Object>> out = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 500);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/holdings-feed").then().statusCode(200).extract().jsonPath();
            out.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return out;
    }
}
