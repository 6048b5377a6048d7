package com.privacyplatform.gateway;

import com.privacyplatform.testing.TransportChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/**
 * Transport-level errors at the gateway, before a token is looked at or anything is forwarded:
 * problem+json under {@code /api} (405/406 of its own endpoints too), a page in words under
 * {@code /privacy}; and what the HTTP layer still answers bare (README, "Transport limits").
 */
@QuarkusTest
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = false)
class GatewayTransportTest {

    // the gateway's limits (application.properties): below the services' defaults
    private static final int MAX_URI = 4096;
    private static final int MAX_HEADER_BYTES = 20480;
    private static final int MAX_HEADERS = 100;
    private static final long MAX_BODY = 1_048_576;

    @Test
    void apiTransportErrorsAreProblems() {
        TransportChecks api = TransportChecks.problems(RestAssured.port)
                .limits(MAX_URI, MAX_HEADER_BYTES, MAX_HEADERS, MAX_BODY);
        api.uriTooLong("/api/partners/");
        api.headersTooLarge("/api/partners");
        api.bodyTooLarge("POST", "/api/partners");
        api.methodNotAllowed("POST", "/api/openapi.json", "GET");
        api.methodNotAllowed("DELETE", "/api/gateway/restrictions", "GET");
        api.notAcceptable("/api/openapi.json", "text/html");
        api.notAcceptable("/api/gateway/restrictions", "application/xml, text/*");
        api.bareBeyondTheHttpLayer();
    }

    @Test
    void webRouteTransportErrorsArePagesInWords() {
        TransportChecks web = TransportChecks.pages(RestAssured.port)
                .limits(MAX_URI, MAX_HEADER_BYTES, MAX_HEADERS, MAX_BODY);
        web.uriTooLong("/privacy/");
        web.headersTooLarge("/privacy/consents");
        web.bodyTooLarge("POST", "/privacy/requests");
    }
}
