package com.privacyplatform.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * (Values of a management {@code @TestHTTPResource} are relative to its root path {@code /q}.)
 * Only the API and the web page are public (issue 15.3): health, metrics and Swagger UI are served on
 * the management interface (its own port), not on the API port the Ingress routes to; the combined
 * OpenAPI document is read from where each service serves its own (gateway.backends.*.openapi-url).
 */
@QuarkusTest
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = false)
class GatewayManagementTest {

    @TestHTTPResource(value = "health/live", management = true)
    URL live;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "swagger-ui/", management = true)
    URL swaggerUi;

    /** The management interface's root ({@code /q}, quarkus.management.root-path); its own routes resolve against the host. */
    @TestHTTPResource(value = "", management = true)
    URL managementRoot;

    @Test
    void healthMetricsAndSwaggerUiAreOnTheManagementPort() {
        given().get(live).then().statusCode(200).body("status", equalTo("UP"));
        given().get(metrics).then().statusCode(200).body(containsString("http_server_requests"));
        given().get(swaggerUi).then().statusCode(200).body(containsString("swagger"));
        // Swagger UI loads the combined document from its own origin
        given().get(managementRoot.toString().replaceAll("/q/?$", "") + "/api/openapi.json").then().statusCode(200).body("paths", hasKey("/api/partners/{id}"));
    }

    @Test
    void theRequestMetricsNameEveryPathByItsShapeNeverByItsIds() {
        String partner = java.util.UUID.randomUUID().toString();
        String subject = "subject-" + java.util.UUID.randomUUID();
        given().get("/api/partners/" + partner).then().statusCode(401);
        given().get("/api/consents/subjects/" + subject + "/history").then().statusCode(401);
        given().get("/privacy/requests/" + partner).then().extract().statusCode();
        String scrape = given().get(metrics).then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(scrape).doesNotContain(partner).doesNotContain(subject)
                .contains("uri=\"/api/partners/{id}\"").contains("uri=\"/api/consents/subjects/{id}/history\"");
    }

    @Test
    void theApiPortServesNoHealthMetricsOrSwaggerUi() {
        for (String path : new String[] {"/q/health/live", "/q/health/ready", "/q/metrics", "/q/swagger-ui/", "/q/openapi"}) {
            int status = given().redirects().follow(false).get(path).then().extract().statusCode();
            org.assertj.core.api.Assertions.assertThat(status).as(path).isNotEqualTo(200);
        }
    }

    @Test
    void theCombinedDocumentIsReadWhereTheServiceServesItsOwn() {
        // the stand-in registry serves its document only at /management/q/openapi (its openapi-url)
        given().get("/api/openapi.json").then().statusCode(200).body("paths", hasKey("/api/partners/{id}"));
    }
}
