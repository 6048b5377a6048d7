package com.privacyplatform.registry.transfer;

import static com.privacyplatform.registry.processor.RegistryFixtures.reason;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.registry.processor.RegistryFixtures;
import com.privacyplatform.registry.support.Snapshots;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 3.3.c: consent-service refuses consents naming recipients abroad without an APPROVED transfer, so
 * it must learn each approval and revocation: {@code partner.transfers-changed} (outbox, in the
 * decision's transaction) and the snapshot carry the partner's APPROVED transfers with one version.
 */
@QuarkusTest
@TestSecurity(user = "olivia", roles = RegistryFixtures.OFFICER)
class TransferEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void decide(UUID partner, UUID transfer, String action, int status) {
        given().contentType(ContentType.JSON).body(reason("decided"))
                .post("/partners/" + partner + "/transfers/" + transfer + "/" + action).then().statusCode(status);
    }

    private static List<JsonNode> published(UUID partner) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (List<Object> row : TestDb.rows("SELECT payload::text FROM platform_outbox WHERE type ="
                + " 'partner.transfers-changed' AND subject = ? ORDER BY seq", partner.toString())) {
            out.add(JSON.readTree((String) row.get(0))); // the outbox row holds the event's data
        }
        return out;
    }

    private static List<String> countries(JsonNode transfers) {
        List<String> out = new ArrayList<>();
        transfers.forEach(t -> out.add(t.path("destinationCountry").asText() + ":" + t.path("categories")));
        return out;
    }

    @Test
    @Verifies(value = "3.3.c", exercises = {"TransferService", "TransferDecisionResource#approve"})
    void everyApprovalAndRevocationPublishesTheApprovedTransfersWithAGrowingVersion() throws Exception {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        UUID de = RegistryFixtures.transfer(partner, "PENDING_APPROVAL", "DE", "user.name", "user.contact.email");
        UUID us = RegistryFixtures.transfer(partner, "PENDING_APPROVAL", "US", "user.name");
        UUID sg = RegistryFixtures.transfer(partner, "PENDING_APPROVAL", "SG", "user.name");

        decide(partner, de, "approval", 200);
        decide(partner, us, "approval", 200);
        decide(partner, sg, "rejection", 200); // a rejection changes nothing that was permitted
        decide(partner, de, "revocation", 200);
        decide(partner, de, "revocation", 409); // refused: nothing published

        List<JsonNode> events = published(partner);
        assertThat(events).hasSize(3);
        assertThat(events).extracting(e -> e.path("transfersVersion").asLong()).containsExactly(1L, 2L, 3L); // approvals and revocations so far
        assertThat(events).allSatisfy(e -> {
            assertThat(e.path("partnerId").asText()).isEqualTo(partner.toString());
            assertThat(e.path("jurisdiction").asText()).isEqualTo("CN");
        });
        assertThat(countries(events.get(0).path("transfers")))
                .containsExactly("DE:[\"user.name\",\"user.contact.email\"]");
        assertThat(countries(events.get(1).path("transfers")))
                .containsExactly("DE:[\"user.name\",\"user.contact.email\"]", "US:[\"user.name\"]");
        assertThat(countries(events.get(2).path("transfers"))).containsExactly("US:[\"user.name\"]");
        assertThat(events.get(2).path("transfers").get(0).path("transferId").asText()).isEqualTo(us.toString());
    }

    @Test
    @Verifies("3.3.c")
    @TestSecurity(user = "service-account-platform-services", roles = "platform-service")
    void theSnapshotCarriesTheApprovedTransfersWithTheVersionOfTheLastEvent() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        RegistryFixtures.transfer(partner, "APPROVED", "DE", "user.name");
        RegistryFixtures.transfer(partner, "REVOKED", "US", "user.name");
        RegistryFixtures.transfer(partner, "PENDING_APPROVAL", "SG", "user.name");
        UUID none = RegistryFixtures.partner("ACTIVE", "CN");

        Map<String, Object> snapshot = snapshotOf(partner);
        assertThat(((Number) snapshot.get("transfersVersion")).longValue()).isEqualTo(3L); // two approvals, one revocation
        assertThat(snapshot.get("transfers").toString()).contains("DE").contains("user.name")
                .doesNotContain("US").doesNotContain("SG");
        Map<String, Object> empty = snapshotOf(none);
        assertThat(((Number) empty.get("transfersVersion")).longValue()).isZero();
        assertThat((List<?>) empty.get("transfers")).isEmpty();
    }

    private static Map<String, Object> snapshotOf(UUID partner) {
        Map<String, Object> snapshot = Snapshots.of(partner);
        assertThat(snapshot).as("snapshot of " + partner).isNotNull();
        return snapshot;
    }
}
