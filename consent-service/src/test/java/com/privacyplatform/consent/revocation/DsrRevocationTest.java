package com.privacyplatform.consent.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.events.CloudEventCodec;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.consent.support.Events;
import com.privacyplatform.consent.support.Fixtures;
import com.privacyplatform.consent.support.Registry;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** dsr-service's REVOKE_AUTHORIZATION requests arrive as events and come back as consent.revoked with the request id. */
@QuarkusTest
class DsrRevocationTest {

    @BeforeAll
    static void partners() {
        Fixtures.knownPartners();
    }

    @Test
    @Verifies(value = "3.5.a", exercises = {"Revocations#revoke", "Revocations#revokeAll", "DsrEventsConsumer#apply"})
    void aRevocationRequestRevokesTheSubjectsConsentsWithEveryPartnerOnceAndNamesTheRequest() {
        String subject = Fixtures.subject();
        String withA = Fixtures.consent(Fixtures.A, subject, "analytics", "GRANTED", null, "user.device.identifier");
        String withB = Fixtures.consent(Fixtures.B, subject, "analytics", "GRANTED", null, "user.device.identifier");
        String refused = Fixtures.consent(Fixtures.A, subject, "marketing.communications", "REFUSED", null,
                "user.contact.email");
        UUID requestId = UUID.randomUUID();
        UUID eventId = Ids.newId();
        byte[] request = CloudEventCodec.encode(eventId, "dsr.revocation-requested", "/dsr-service",
                requestId.toString(), OffsetDateTime.now(ZoneOffset.UTC), "{\"requestId\":\"" + requestId
                        + "\",\"subjectId\":\"" + subject + "\",\"partnerIds\":[],\"reason\":\"REVOKE_AUTHORIZATION\"}");
        try (Events events = new Events("consent.revoked")) {
            Registry.publishRaw("dsr.revocation-requested", request);
            Registry.publishRaw("dsr.revocation-requested", request); // redelivered
            List<JsonNode> revoked = events.forConsents(List.of(withA, withB), 3, Duration.ofSeconds(2));
            assertThat(revoked).hasSize(2).allSatisfy(e -> {
                assertThat(e.get("data").get("requestId").asText()).isEqualTo(requestId.toString());
                assertThat(e.get("data").get("revokedBy").asText()).isEqualTo("DSR_REQUEST");
            });
        }
        Registry.awaitProcessed(eventId);
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE subject_id = ? AND state = 'REVOKED'", subject))
                .isEqualTo(2);
        assertThat(TestDb.single("SELECT state FROM consent WHERE id = ?::uuid", refused)).isEqualTo("REFUSED");
        assertThat(TestDb.single("SELECT request_id::text FROM consent_history WHERE consent_id = ?::uuid AND cause ="
                + " 'DSR_REQUEST'", withB)).isEqualTo(requestId.toString());
    }

    @Test
    void aRequestNamingPartnersRevokesOnlyTheirConsents() {
        String subject = Fixtures.subject();
        String withA = Fixtures.consent(Fixtures.A, subject, "analytics", "GRANTED", null, "user.device.identifier");
        String withB = Fixtures.consent(Fixtures.B, subject, "analytics", "GRANTED", null, "user.device.identifier");
        UUID requestId = UUID.randomUUID();
        Registry.publishFrom("/dsr-service", "dsr.revocation-requested", requestId.toString(), "{\"requestId\":\""
                + requestId + "\",\"subjectId\":\"" + subject + "\",\"partnerIds\":[\"" + Fixtures.B
                + "\"],\"reason\":\"only partner B\"}");
        assertThat(TestDb.single("SELECT state FROM consent WHERE id = ?::uuid", withB)).isEqualTo("REVOKED");
        assertThat(TestDb.single("SELECT state FROM consent WHERE id = ?::uuid", withA)).isEqualTo("GRANTED");
    }
}
