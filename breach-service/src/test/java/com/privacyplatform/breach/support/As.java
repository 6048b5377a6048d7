package com.privacyplatform.breach.support;

import static io.restassured.RestAssured.given;

import com.privacyplatform.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests with real access tokens of the demo realm (Keycloak): the service validates them as in
 * production. Tokens are cached for a minute (they live five).
 */
public final class As {

    /** The partner ids the demo realm stamps on partner-demo-a / partner-demo-b tokens. */
    public static final String PARTNER_A = "2b9ab027-cb68-523d-81ec-293ae3eaf63b";
    public static final String PARTNER_B = "e323d24b-b3af-54e4-9942-b04f7ce699c8";

    private static final long TTL_MS = 60_000;
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, long fetchedAt) {
    }

    private As() {
    }

    public static RequestSpecification partnerA() {
        return bearer(token("partner-demo-a", true));
    }

    public static RequestSpecification partnerB() {
        return bearer(token("partner-demo-b", true));
    }

    /** olivia: compliance officer. */
    public static RequestSpecification officer() {
        return bearer(token("olivia", false));
    }

    /** aaron: auditor. */
    public static RequestSpecification auditor() {
        return bearer(token("aaron", false));
    }

    /** alice: data subject. */
    public static RequestSpecification subject() {
        return bearer(token("alice", false));
    }

    /** The platform's own services: a valid token with neither a partner claim nor a user role. */
    public static RequestSpecification platformService() {
        return bearer(token("platform-services", true));
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    private static RequestSpecification bearer(String token) {
        return given().contentType(ContentType.JSON).auth().oauth2(token);
    }

    private static String token(String name, boolean client) {
        long now = System.currentTimeMillis();
        return CACHE.compute(name, (k, cached) -> cached != null && now - cached.fetchedAt() < TTL_MS ? cached
                : new Cached(client ? Tokens.partner(name) : Tokens.user(name), now)).token();
    }
}
