package com.privacyplatform.e2e;

import static com.privacyplatform.e2e.Platform.PARTNER_A;
import static com.privacyplatform.e2e.Platform.PARTNER_B;
import static com.privacyplatform.e2e.Platform.anonymous;
import static com.privacyplatform.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.sdk.api.PartnersApi;
import com.privacyplatform.sdk.api.PermittedScopeApi;
import com.privacyplatform.sdk.invoker.ApiClient;
import com.privacyplatform.sdk.invoker.ApiException;
import com.privacyplatform.sdk.model.Partner;
import com.privacyplatform.sdk.model.PartnerStatus;
import com.privacyplatform.sdk.model.ScopeItem;
import com.privacyplatform.sdk.model.SecurityOfficerRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
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
    void aPartnerReadsItsOwnRecordAndScopeInClear() throws ApiException {
        ApiClient a = Platform.sdk(Platform.partnerA());
        Partner own = new PartnersApi(a).apiPartnersIdGet(UUID.fromString(PARTNER_A));
        assertThat(own.getStatus()).isEqualTo(PartnerStatus.ACTIVE);
        assertThat(own.getContact().getEmail()).isEqualTo("privacy@partner-demo-a.example");
        assertThat(new PermittedScopeApi(a).apiPartnersIdScopeGet(UUID.fromString(PARTNER_A)).getEntries())
                .extracting(ScopeItem::getPurpose).contains("payment_processing");
    }

    @Test
    @Verifies("3.4.f")
    void partnerBCannotReadOrChangeAnythingOfPartnerA() {
        String b = Platform.partnerB();
        PartnersApi partners = new PartnersApi(Platform.sdk(b));
        assertThatThrownBy(() -> partners.apiPartnersIdGet(UUID.fromString(PARTNER_A)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
        assertThatThrownBy(() -> new PermittedScopeApi(Platform.sdk(b)).apiPartnersIdScopeGet(UUID.fromString(PARTNER_A)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
        assertThatThrownBy(() -> partners.apiPartnersIdSecurityOfficerPut(UUID.fromString(PARTNER_A),
                new SecurityOfficerRequest().name("X").email("x@x.example").department("X"), null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
        // the refusal is a problem document, not a hint that the partner exists
        as(b).get("/api/partners/" + PARTNER_A).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @Verifies("3.4.f")
    void aPartnerCannotCallOfficerEndpoints() {
        as(Platform.partnerA()).body("{\"reason\":\"self-suspension\"}")
                .post("/api/partners/" + PARTNER_A + "/suspension").then().statusCode(403);
        as(Platform.partnerA()).get("/api/partners").then().statusCode(403);
    }

    @Test
    @Verifies("3.4.j")
    void suspensionBlocksThePartnerAtTheGatewayAndReinstatementRestoresIt() {
        String officer = Platform.officer();
        String a = Platform.partnerA();
        String b = Platform.partnerB();
        as(officer).body("{\"reason\":\"end-to-end: audit finding overdue\"}")
                .post("/api/partners/" + PARTNER_A + "/suspension").then().statusCode(200);
        try {
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    as(a).get(Platform.DATA_ROUTE).statusCode() == 403);
            as(a).get(Platform.DATA_ROUTE).then().statusCode(403)
                    .body("type", equalTo("https://privacy-platform.example/problems/partner-suspended"));
            as(b).get("/api/partners/" + PARTNER_B).then().statusCode(200);
            // 3.5.d, 5.1: its duties stay open - its own record and status, its tasks
            as(a).get("/api/partners/" + PARTNER_A).then().statusCode(200).body("status", equalTo("SUSPENDED"));
            as(a).get("/api/tasks").then().statusCode(200);
        } finally {
            as(officer).body("{\"reason\":\"end-to-end: rectified\"}")
                    .post("/api/partners/" + PARTNER_A + "/reinstatement").then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> as(a).get(Platform.DATA_ROUTE).statusCode() == 200);
    }

    @Test
    @Verifies("3.4.b")
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
        // the other tests need B's bucket again: wait until a run of requests goes through unlimited
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> IntStream.range(0, 10)
                .allMatch(i -> as(b).get("/api/partners/" + PARTNER_B).statusCode() == 200));
    }

    @Test
    void theCombinedOpenApiDescribesThePartnerApi() {
        anonymous().get("/api/openapi.json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/partners/{id}"));
    }
}
