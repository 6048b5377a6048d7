package com.privacyplatform.consent.api;

import com.privacyplatform.testing.TransportChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/**
 * Transport-level errors are problem+json, over a raw socket to the running service: 414, 431, 413,
 * 411 before authentication, 405 with Allow, 406; and what the HTTP layer still answers bare (README,
 * "Transport limits").
 */
@QuarkusTest
class TransportProblemsTest {

    @Test
    void transportErrorsAreProblems() {
        TransportChecks checks = TransportChecks.problems(RestAssured.port);
        checks.uriTooLong("/consents/");
        checks.headersTooLarge("/consents");
        checks.bodyTooLarge("POST", "/consents");
        checks.methodNotAllowed("DELETE", "/consents", "GET", "POST");
        checks.methodNotAllowed("POST", "/consents/0190a0a0-0000-7000-8000-000000000001", "GET", "HEAD");
        checks.notAcceptable("/consents", "text/csv");
        checks.bareBeyondTheHttpLayer();
    }
}
