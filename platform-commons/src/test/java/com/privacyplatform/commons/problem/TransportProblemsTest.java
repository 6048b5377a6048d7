package com.privacyplatform.commons.problem;

import com.privacyplatform.testing.TransportChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** The shared transport route and 405 mapper in the library's own test application (the widgets). */
@QuarkusTest
class TransportProblemsTest {

    @Test
    void transportErrorsAreProblems() {
        TransportChecks checks = TransportChecks.problems(RestAssured.port);
        checks.uriTooLong("/test/widgets/");
        checks.headersTooLarge("/test/widgets");
        checks.bodyTooLarge("POST", "/test/widgets");
        checks.methodNotAllowed("DELETE", "/test/widgets/0190a0a0-0000-7000-8000-000000000001", "PUT", "OPTIONS");
        checks.notAcceptable("/test/probe/identity", "text/csv");
        checks.bareBeyondTheHttpLayer();
    }
}
