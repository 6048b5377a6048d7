package com.privacyplatform.registry.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.events.CloudEventCodec;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.registry.support.Fixtures;
import com.privacyplatform.testing.TestBroker;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 3.5.d: a terminated partner's client stays usable (its duty routes) until dsr-service announces
 * that the termination's deletion work is complete; then it is disabled, once, and gets no new
 * credential. The signal for a partner that is not terminated changes nothing.
 */
@QuarkusTest
@TestSecurity(user = "olivia", roles = "compliance-officer")
class ClientRetirementTest {

    /** Keycloak refuses a client credential with 400 or 401 (invalid_client), depending on the method. */
    static final org.hamcrest.Matcher<Integer> REFUSED = org.hamcrest.Matchers.oneOf(400, 401);

    @Test
    @Verifies(value = "3.5.d", exercises = "ClientRetirement#apply")
    void theClientOfATerminatedPartnerIsDisabledWhenItsDeletionWorkIsComplete() throws Exception {
        String clientId = Fixtures.uniqueClientId("retire");
        String secret = CredentialRotationTest.onboardWithSecret(clientId);
        String id = Ids.partnerIdFor(clientId).toString();
        // terminated: the client still works - the partner has deletion tasks to complete
        TestDb.execute("UPDATE partner SET status = 'TERMINATED' WHERE id = '" + id + "'");
        PartnerClientsAdmin.secretToken(clientId, secret).then().statusCode(200);

        byte[] event = completed(id);
        try (TestBroker broker = new TestBroker()) {
            broker.publish(ClientRetirement.TERMINATION_DELETION_COMPLETED, event);
            broker.publish(ClientRetirement.TERMINATION_DELETION_COMPLETED, event); // redelivered: once
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !PartnerClientsAdmin.client(clientId).getBoolean("enabled"));
        PartnerClientsAdmin.secretToken(clientId, secret).then().statusCode(REFUSED);
        given().get("/partners/" + id).then().statusCode(200).body("clientDisabledAt", notNullValue());
        await().atMost(Duration.ofSeconds(10)).until(() -> TestDb.count("SELECT count(*) FROM platform_audit_record"
                + " WHERE action = 'partner.client-disabled' AND target_id = ?", id) == 1);
        // and it gets no new credential
        given().contentType(ContentType.JSON).body("{\"method\":\"CLIENT_SECRET\"}")
                .post("/partners/" + id + "/credential-rotation").then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(PartnerClientsAdmin.client(clientId).getBoolean("enabled")).isFalse();
    }

    @Test
    void theSignalForAPartnerThatIsNotTerminatedDisablesNothing() throws Exception {
        String clientId = Fixtures.uniqueClientId("active");
        String secret = CredentialRotationTest.onboardWithSecret(clientId);
        String id = Ids.partnerIdFor(clientId).toString();
        byte[] event = completed(id);
        try (TestBroker broker = new TestBroker()) {
            broker.publish(ClientRetirement.TERMINATION_DELETION_COMPLETED, event);
        }
        UUID eventId = UUID.fromString(new io.restassured.path.json.JsonPath(new String(event)).getString("id"));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDb.count(
                "SELECT count(*) FROM platform_inbox WHERE consumer = ? AND event_id = ?::uuid",
                ClientRetirement.CONSUMER, eventId.toString()) == 1);
        assertThat(PartnerClientsAdmin.client(clientId).getBoolean("enabled")).isTrue();
        PartnerClientsAdmin.secretToken(clientId, secret).then().statusCode(200);
        assertThat(TestDb.count("SELECT count(*) FROM partner WHERE id = ?::uuid AND client_disabled_at IS NULL", id))
                .isEqualTo(1);
    }

    private static byte[] completed(String partnerId) {
        return CloudEventCodec.encode(UUID.randomUUID(), ClientRetirement.TERMINATION_DELETION_COMPLETED,
                "/dsr-service", partnerId, OffsetDateTime.now(ZoneOffset.UTC), "{\"partnerId\":\"" + partnerId
                        + "\",\"requests\":1,\"tasksCompleted\":1,\"tasksRejected\":0,\"tasksExempt\":0,"
                        + "\"completedAt\":\"" + OffsetDateTime.now(ZoneOffset.UTC) + "\"}");
    }
}
