package com.privacyplatform.privacycenter;

import com.privacyplatform.testing.TransportChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/**
 * Transport-level errors of the privacy center are the error page in words - never a bare answer,
 * never JSON - before sign-in is even asked for; and what the HTTP layer still answers bare (README,
 * "Transport limits").
 */
@QuarkusTest
class TransportPagesTest {

    @Test
    void transportErrorsArePagesInWords() {
        TransportChecks pages = TransportChecks.pages(RestAssured.port);
        pages.uriTooLong("/privacy/");
        pages.headersTooLarge("/privacy/about");
        pages.bodyTooLarge("POST", "/privacy/requests");
        pages.methodNotAllowed("DELETE", "/privacy/about");
        pages.notAcceptable("/privacy/about", "application/json");
        pages.bareBeyondTheHttpLayer();
    }
}
