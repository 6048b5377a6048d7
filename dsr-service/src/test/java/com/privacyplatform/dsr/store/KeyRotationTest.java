package com.privacyplatform.dsr.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.privacyplatform.dsr.crypto.Resealer;
import com.privacyplatform.dsr.crypto.Sealed;
import com.privacyplatform.dsr.crypto.ValueCipher;
import com.privacyplatform.dsr.request.Correction;
import com.privacyplatform.dsr.request.RequestType;
import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.dsr.support.Flows;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Key rotation: the test profile runs with the current key k2 and the earlier k1
 * ({@code dsr.export.previous-keys}). Values sealed with k1 before the rotation still open, and the
 * resealer seals them anew with k2 without changing what anyone sees.
 */
@QuarkusTest
class KeyRotationTest {

    static final String ROTATED = "5b000000-0000-4000-8000-000000000961";
    private static UUID correction;
    private static UUID access;

    @Inject
    Resealer resealer;
    @Inject
    ValueCipher cipher;
    @Inject
    @ConfigProperty(name = "dsr.export.previous-keys")
    String previous;

    /** The cipher as it was before the rotation: only k1 (the test profile's previous key). */
    private ValueCipher beforeRotation() {
        byte[] k1 = Base64.getDecoder().decode(previous.substring(previous.indexOf(':') + 1));
        return new ValueCipher(new SecretKeySpec(k1, "AES"), "k1");
    }

    @BeforeAll
    static void seed() {
        UUID partner = Fixtures.newPartner();
        Fixtures.holding(partner, ROTATED, "user.contact.email", "user.name");
        correction = Flows.subjectSubmits(ROTATED, RequestType.CORRECTION, List.of(partner),
                List.of(new Correction("user.contact.email", "wang.fang@example.com")));
        access = Flows.subjectSubmits(ROTATED, RequestType.ACCESS, List.of(partner), null);
        Flows.partnerExports(Fixtures.taskOf(access, partner, "PARTNER"), "{\"customer\":{\"name\":\"Wang Fang\"}}");
    }

    @Test
    @TestSecurity(user = ROTATED, roles = "data-subject")
    void valuesSealedWithTheEarlierKeyStayReadableAndAreSealedAnewWithTheCurrentOne() {
        assertThat(cipher.currentKeyId()).isEqualTo("k2");
        sealWithEarlierKey();
        assertThat(keyIds()).containsOnly("k1");

        given().get("/requests/" + correction).then().statusCode(200)
                .body("corrections[0].value", equalTo("wang.fang@example.com"));
        given().get("/requests/" + access + "/export").then().statusCode(200)
                .body("parts[0].data.customer.name", equalTo("Wang Fang"));

        long resealed = Flows.await(() -> resealer.reseal());

        assertThat(resealed).isGreaterThanOrEqualTo(2);
        assertThat(keyIds()).containsOnly("k2");
        given().get("/requests/" + correction).then().statusCode(200)
                .body("corrections[0].value", equalTo("wang.fang@example.com"));
        given().get("/requests/" + access + "/export").then().statusCode(200)
                .body("parts[0].data.customer.name", equalTo("Wang Fang"));
        assertThat(Flows.await(() -> resealer.reseal())).as("nothing left to reseal").isZero();
    }

    /** What the rows looked like before the rotation: sealed with k1, bound to the same row. */
    private void sealWithEarlierKey() {
        ValueCipher beforeRotation = beforeRotation();
        Sealed c = beforeRotation.seal("[{\"field\":\"user.contact.email\",\"value\":\"wang.fang@example.com\"}]"
                .getBytes(StandardCharsets.UTF_8), correction.toString());
        TestDb.execute("UPDATE dsr_request SET corrections_key_id = 'k1', corrections_nonce = decode('" + hex(c.nonce())
                + "', 'hex'), corrections_sealed = decode('" + hex(c.ciphertext()) + "', 'hex') WHERE id = '"
                + correction + "'");
        UUID taskId = (UUID) TestDb.single("SELECT task_id FROM access_export WHERE request_id = ?", access);
        Sealed e = beforeRotation.seal("{\"customer\":{\"name\":\"Wang Fang\"}}".getBytes(StandardCharsets.UTF_8),
                taskId.toString());
        TestDb.execute("UPDATE access_export SET key_id = 'k1', nonce = decode('" + hex(e.nonce())
                + "', 'hex'), sealed = decode('" + hex(e.ciphertext()) + "', 'hex') WHERE task_id = '" + taskId + "'");
    }

    private static List<Object> keyIds() {
        List<Object> ids = new java.util.ArrayList<>();
        ids.add(TestDb.single("SELECT corrections_key_id FROM dsr_request WHERE id = ?", correction));
        ids.add(TestDb.single("SELECT key_id FROM access_export WHERE request_id = ?", access));
        return ids;
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
