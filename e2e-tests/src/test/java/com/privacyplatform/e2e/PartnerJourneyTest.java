package com.privacyplatform.e2e;

import static com.privacyplatform.e2e.Platform.PARTNER_A;
import static com.privacyplatform.e2e.Platform.PARTNER_B;
import static com.privacyplatform.e2e.Platform.anonymous;
import static com.privacyplatform.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A partner's view of the platform, end to end: registry behind the gateway, Keycloak tokens, events. */
class PartnerJourneyTest {

    @BeforeAll
    static void twoActivePartners() {
        Platform.ensureActive("partner-demo-a", PARTNER_A, "CN");
        Platform.ensureActive("partner-demo-b", PARTNER_B, "SG");
    }

    @Test
    void aPartnerReadsItsOwnRecordAndScopeInClear() {
        as(Platform.partnerA()).get("/api/partners/" + PARTNER_A).then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("contact.email", equalTo("privacy@partner-demo-a.example"));
        as(Platform.partnerA()).get("/api/partners/" + PARTNER_A + "/scope").then().statusCode(200)
                .body("entries.purpose", org.hamcrest.Matchers.hasItem("payment_processing"));
    }

    @Test
    void partnerBCannotReadOrChangeAnythingOfPartnerA() {
        String b = Platform.partnerB();
        as(b).get("/api/partners/" + PARTNER_A).then().statusCode(404)
                .contentType("application/problem+json");
        as(b).get("/api/partners/" + PARTNER_A + "/scope").then().statusCode(404);
        as(b).body("{\"name\":\"X\",\"email\":\"x@x.example\",\"department\":\"X\"}")
                .put("/api/partners/" + PARTNER_A + "/security-officer").then().statusCode(404);
    }

    @Test
    void aPartnerCannotCallOfficerEndpoints() {
        as(Platform.partnerA()).body("{\"reason\":\"self-suspension\"}")
                .post("/api/partners/" + PARTNER_A + "/suspension").then().statusCode(403);
        as(Platform.partnerA()).get("/api/partners").then().statusCode(403);
    }

    @Test
    void suspensionBlocksThePartnerAtTheGatewayAndReinstatementRestoresIt() {
        String officer = Platform.officer();
        String a = Platform.partnerA();
        String b = Platform.partnerB();
        as(officer).body("{\"reason\":\"end-to-end: audit finding overdue\"}")
                .post("/api/partners/" + PARTNER_A + "/suspension").then().statusCode(200);
        try {
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    as(a).get("/api/partners/" + PARTNER_A).statusCode() == 403);
            as(a).get("/api/partners/" + PARTNER_A).then().statusCode(403)
                    .body("type", equalTo("https://privacy-platform.example/problems/partner-suspended"));
            as(b).get("/api/partners/" + PARTNER_B).then().statusCode(200);
        } finally {
            as(officer).body("{\"reason\":\"end-to-end: rectified\"}")
                    .post("/api/partners/" + PARTNER_A + "/reinstatement").then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> as(a).get("/api/partners/" + PARTNER_A).statusCode() == 200);
    }

    @Test
    void forgedAndInvalidTokensAreRejectedAtTheGateway() {
        String[] parts = Platform.partnerB().split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(PARTNER_B, PARTNER_A);
        String tampered = parts[0] + "." + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String unsigned = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        for (String token : new String[] {tampered, unsigned, "garbage"}) {
            as(token).get("/api/partners/" + PARTNER_A).then().statusCode(401)
                    .contentType("application/problem+json");
        }
        anonymous().get("/api/partners/" + PARTNER_A).then().statusCode(401);
    }

    @Test
    void aBurstOverThePartnersLimitGets429WithRetryAfter() {
        String b = Platform.partnerB();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(Platform.GATEWAY + "/api/partners/" + PARTNER_B))
                .header("Authorization", "Bearer " + b).build();
        // 300 requests at once: far above B's bucket in the end-to-end run (20/s, gateway %e2e profile)
        List<HttpResponse<Void>> responses = IntStream.range(0, 300)
                .mapToObj(i -> client.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .toList().stream().map(CompletableFuture::join).toList();
        List<HttpResponse<Void>> limited = responses.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(limited).isNotEmpty();
        assertThat(limited.get(0).headers().firstValue("Retry-After")).isPresent();
        assertThat(responses).allMatch(r -> r.statusCode() == 200 || r.statusCode() == 429);
        await().atMost(Duration.ofSeconds(10)).until(() -> as(b).get("/api/partners/" + PARTNER_B).statusCode() == 200);
        await().pollDelay(Duration.ofMillis(1500)).until(() -> true); // let B's bucket refill for the other tests
    }

    @Test
    void theCombinedOpenApiDescribesThePartnerApi() {
        anonymous().get("/api/openapi.json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/partners/{id}"));
    }
}
