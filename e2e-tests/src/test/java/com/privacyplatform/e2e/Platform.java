package com.privacyplatform.e2e;

import static io.restassured.RestAssured.given;

import com.privacyplatform.sdk.PlatformApi;
import com.privacyplatform.sdk.invoker.ApiClient;
import com.privacyplatform.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/** The running platform as a partner or user sees it: only through the gateway, only with real tokens. */
final class Platform {

    static final String GATEWAY = System.getProperty("e2e.gateway", "http://localhost:8080");
    static final String PARTNER_A = "2b9ab027-cb68-523d-81ec-293ae3eaf63b";
    static final String PARTNER_B = "e323d24b-b3af-54e4-9942-b04f7ce699c8";
    /**
     * A data route every active partner may read (the gateway's PartnerRoutes): the directory entry of
     * partner B. Closed to a suspended, closed or terminated partner, unlike its duty routes (its own
     * record, its tasks, its incidents).
     */
    static final String DATA_ROUTE = "/api/partner-directory/" + PARTNER_B;

    private Platform() {
    }

    static RequestSpecification as(String token) {
        return given().baseUri(GATEWAY).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** The partner SDK's client for the gateway, as a partner would build it, with this token. */
    static ApiClient sdk(String token) {
        return PlatformApi.client(java.net.URI.create(GATEWAY), () -> token);
    }

    static RequestSpecification anonymous() {
        return given().baseUri(GATEWAY).contentType(ContentType.JSON);
    }

    static String officer() {
        return Tokens.user("olivia");
    }

    static String partnerA() {
        return Tokens.partner("partner-demo-a");
    }

    static String partnerB() {
        return Tokens.partner("partner-demo-b");
    }

    /** Onboards (if new), names the security officer, sets the scope and activates a demo partner. */
    static void ensureActive(String clientId, String partnerId, String jurisdiction) {
        String officer = officer();
        int status = as(officer).get("/api/partners/" + partnerId).statusCode();
        if (status == 404) {
            as(officer).body("{\"legalName\":\"Demo " + clientId + " Ltd.\",\"jurisdiction\":\"" + jurisdiction
                    + "\",\"oidcClientId\":\"" + clientId + "\",\"contact\":{\"name\":\"Li Wei\","
                    + "\"email\":\"privacy@" + clientId + ".example\",\"phone\":\"+86 10 6552 9988\"}}")
                    .post("/api/partners").then().statusCode(201);
        }
        String current = as(officer).get("/api/partners/" + partnerId).then().statusCode(200).extract().path("status");
        if ("PENDING".equals(current)) {
            as(officer).body("{\"name\":\"Zhang San\",\"email\":\"security@" + clientId + ".example\","
                    + "\"department\":\"Information Security\"}")
                    .put("/api/partners/" + partnerId + "/security-officer").then().statusCode(200);
            as(officer).body("{\"entries\":[{\"purpose\":\"payment_processing\",\"categories\":[\"user.name\","
                    + "\"user.financial.bank_account\",\"user.contact.email\"]},{\"purpose\":\"marketing.communications\","
                    + "\"categories\":[\"user.contact.email\"]}]}")
                    .put("/api/partners/" + partnerId + "/scope").then().statusCode(200);
            as(officer).body("{\"reason\":\"end-to-end onboarding\"}")
                    .post("/api/partners/" + partnerId + "/activation").then().statusCode(200);
        } else if ("SUSPENDED".equals(current)) {
            as(officer).body("{\"reason\":\"end-to-end reset\"}")
                    .post("/api/partners/" + partnerId + "/reinstatement").then().statusCode(200);
        }
    }

    /**
     * 3.3.c: an APPROVED transfer of the partner to {@code country} covering {@code categories},
     * recorded and approved by the officer when there is none; consent-service learns it from the
     * registry's partner.transfers-changed event.
     */
    static void ensureApprovedTransfer(String partnerId, String country, String... categories) {
        String officer = officer();
        List<Map<String, Object>> approved = as(officer).queryParam("status", "APPROVED")
                .queryParam("destinationCountry", country).get("/api/partners/" + partnerId + "/transfers")
                .then().statusCode(200).extract().path("items");
        if (approved.stream().anyMatch(t -> ((List<?>) t.get("categories")).containsAll(List.of(categories)))) {
            return;
        }
        String id = as(officer).body("{\"destinationCountry\":\"" + country + "\",\"recipient\":\"End-to-end"
                        + " recipients in " + country + "\",\"categories\":[\"" + String.join("\",\"", categories)
                        + "\"],\"legalMechanism\":\"STANDARD_CONTRACT\"}")
                .post("/api/partners/" + partnerId + "/transfers").then().statusCode(201).extract().path("id");
        as(officer).body("{\"reason\":\"end-to-end: standard contract filed\"}")
                .post("/api/partners/" + partnerId + "/transfers/" + id + "/approval").then().statusCode(200);
    }
}
