package com.privacyplatform.dsr.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.dsr.crypto.ValueCipher;
import com.privacyplatform.dsr.request.RequestRequests.CorrectionRequest;
import com.privacyplatform.dsr.request.RequestRequests.SubmitRequest;
import com.privacyplatform.dsr.request.RequestType;
import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The idempotency store of {@code POST /requests} holds no personal value: no response body (a replay
 * renders the request anew) and a keyed fingerprint of the request instead of a plain hash.
 */
@QuarkusTest
class PersonalValuesAtRestTest {

    static final String CORRECTING = "5b000000-0000-4000-8000-000000000951";
    static final String BODY = "{\"type\":\"CORRECTION\",\"corrections\":[{\"field\":\"user.contact.email\","
            + "\"value\":\"li.lei@example.com\"},{\"field\":\"user.contact.phone_number\",\"value\":\"+8613911112222\"}]}";

    @Inject
    ValueCipher cipher;
    @Inject
    ObjectMapper mapper;

    @Test
    @TestSecurity(user = CORRECTING, roles = "data-subject")
    void theIdempotencyStoreKeepsNoCorrectionValueAndAReplayRendersTheRequestAnew() throws Exception {
        Fixtures.holding(Fixtures.newPartner(), CORRECTING, "user.contact.email", "user.contact.phone_number");
        String id = given().contentType(ContentType.JSON).header("Idempotency-Key", "correct-1").body(BODY)
                .post("/requests").then().statusCode(201)
                .body("corrections.find { it.field == 'user.contact.email' }.value", equalTo("li.lei@example.com"))
                .extract().path("id");

        List<List<Object>> rows = TestDb.rows("SELECT request_hash, status, location, body, t::text FROM"
                + " platform_idempotency t WHERE key = 'correct-1' AND caller LIKE ?", "%" + CORRECTING + "%");
        assertThat(rows).hasSize(1);
        List<Object> row = rows.get(0);
        assertThat(row.get(3)).as("no stored response body").isNull();
        assertThat(row.get(2).toString()).endsWith("/requests/" + id);
        assertThat(row.get(4).toString()).doesNotContain("li.lei").doesNotContain("13911112222");
        SubmitRequest request = new SubmitRequest(RequestType.CORRECTION, null, null, null, List.of(
                new CorrectionRequest("user.contact.email", "li.lei@example.com"),
                new CorrectionRequest("user.contact.phone_number", "+8613911112222")));
        byte[] json = mapper.writeValueAsBytes(List.of("POST /requests", request));
        assertThat(row.get(0)).as("the fingerprint is the service's keyed HMAC, not a guessable plain hash")
                .isEqualTo(cipher.fingerprint(json))
                .isNotEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)));

        given().contentType(ContentType.JSON).header("Idempotency-Key", "correct-1").body(BODY)
                .post("/requests").then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", org.hamcrest.Matchers.endsWith("/requests/" + id))
                .body("id", equalTo(id))
                .body("corrections.find { it.field == 'user.contact.phone_number' }.value", equalTo("+8613911112222"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", "correct-1")
                .body(BODY.replace("li.lei", "han.mei")).post("/requests").then().statusCode(422)
                .body("type", equalTo("https://privacy-platform.example/problems/idempotency-key-reused"));
        assertThat(Fixtures.requestsOf(CORRECTING)).isEqualTo(1);
    }
}
