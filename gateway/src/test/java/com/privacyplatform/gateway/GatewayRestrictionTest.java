package com.privacyplatform.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.events.CloudEventCodec;
import com.privacyplatform.testing.TestBroker;
import com.privacyplatform.testing.TestDb;
import com.privacyplatform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Registry suspensions and breach-service emergency orders (3.4.j) arrive as real events on the
 * broker and take effect at once, from the gateway's own projection; other partners pass.
 */
@QuarkusTest
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = false)
class GatewayRestrictionTest {

    /** A data route (closed to a restricted partner, PartnerRoutes) that the echo upstream answers. */
    static final String DATA_ROUTE = "/api/partner-directory";

    private static final String A = "2b9ab027-cb68-523d-81ec-293ae3eaf63b";

    @Test
    @Verifies(value = {"3.4.j", "4.6"}, exercises = "ApiRoutes#allowed")
    void aSuspendedPartnerIsBlockedAndReinstatementRestoresIt() throws Exception {
        String a = Tokens.partner("partner-demo-a");
        String b = Tokens.partner("partner-demo-b");
        publish("partner.suspended", A, "{\"partnerId\":\"" + A + "\",\"from\":\"ACTIVE\",\"to\":\"SUSPENDED\","
                + "\"reason\":\"audit finding overdue\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(a) == 403);
        given().auth().oauth2(a).get(DATA_ROUTE).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy-platform.example/problems/partner-suspended"));
        given().auth().oauth2(b).get(DATA_ROUTE).then().statusCode(200);
        assertThat(TestDb.single("SELECT status FROM gateway_partner_status WHERE partner_id = ?::uuid", A))
                .isEqualTo("SUSPENDED");

        publish("partner.reinstated", A, "{\"partnerId\":\"" + A + "\",\"from\":\"SUSPENDED\",\"to\":\"ACTIVE\","
                + "\"reason\":\"rectified\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(a) == 200);
    }

    @Test
    @Verifies(value = "3.4.j", exercises = "ApiRoutes#allowed")
    void aTemporaryClosureBlocksUntilItIsLifted() throws Exception {
        String a = Tokens.partner("partner-demo-a");
        String order = UUID.randomUUID().toString();
        publish("partner.interface-restricted", A, "{\"orderId\":\"" + order + "\",\"partnerId\":\"" + A
                + "\",\"kind\":\"TEMPORARY_CLOSURE\",\"reason\":\"suspected leak\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(a) == 403);
        given().auth().oauth2(a).get(DATA_ROUTE).then().statusCode(403)
                .body("clause", equalTo("3.4.j"))
                .body("type", equalTo("https://privacy-platform.example/problems/interface-closed"));
        given().auth().oauth2(Tokens.partner("partner-demo-b")).get(DATA_ROUTE).then().statusCode(200);

        publish("partner.interface-restored", A, "{\"orderId\":\"" + order + "\",\"partnerId\":\"" + A
                + "\",\"reason\":\"LIFTED\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(a) == 200);
    }

    @Test
    @Verifies("3.4.j")
    void anExpiredClosureNoLongerBlocks() throws Exception {
        String a = Tokens.partner("partner-demo-a");
        String order = UUID.randomUUID().toString();
        String expiry = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3).toString();
        publish("partner.interface-restricted", A, "{\"orderId\":\"" + order + "\",\"partnerId\":\"" + A
                + "\",\"kind\":\"DATA_ACCESS_SUSPENSION\",\"expiresAt\":\"" + expiry + "\",\"reason\":\"x\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(a) == 403);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(a) == 200);
    }

    @Test
    @Verifies("3.4.j")
    void aFlowRestraintThrottlesWithRetryAfter() throws Exception {
        String a = Tokens.partner("partner-demo-a");
        String order = UUID.randomUUID().toString();
        publish("partner.interface-restricted", A, "{\"orderId\":\"" + order + "\",\"partnerId\":\"" + A
                + "\",\"kind\":\"FLOW_RESTRAINT\",\"requestsPerSecond\":1,\"reason\":\"unusual volume\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> IntStream.range(0, 3).map(i -> status(a)).anyMatch(s -> s == 429));
        given().auth().oauth2(a).get(DATA_ROUTE).then().statusCode(429)
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://privacy-platform.example/problems/rate-limited"));
        publish("partner.interface-restored", A, "{\"orderId\":\"" + order + "\",\"partnerId\":\"" + A
                + "\",\"reason\":\"LIFTED\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> IntStream.range(0, 3).map(i -> status(a)).allMatch(s -> s == 200));
    }

    @Test
    void aBurstOverThePartnersLimitGets429() {
        String b = Tokens.partner("partner-demo-b"); // limited to 3 requests per second in %test
        long limited = IntStream.range(0, 12).map(i -> status(b)).filter(s -> s == 429).count();
        assertThat(limited).isPositive();
    }

    private static int status(String token) {
        return given().auth().oauth2(token).get(DATA_ROUTE).statusCode();
    }

    private static void publish(String type, String subject, String data) throws Exception {
        try (TestBroker broker = new TestBroker()) {
            broker.publish(type, CloudEventCodec.encode(UUID.randomUUID(), type, "/test", subject,
                    OffsetDateTime.now(ZoneOffset.UTC), data));
        }
    }
}
