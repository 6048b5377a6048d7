package com.privacyplatform.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.gateway.routing.RouteTable;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = false)
class GatewayTlsAndUnitsTest {

    @TestHTTPResource(value = "/api/vocabulary", tls = true)
    URL https;

    @Test
    @Verifies(value = "3.4.c", exercises = "ResponseHeaders#register")
    void theGatewayServesHttps() {
        given().relaxedHTTPSValidation().get(https).then().statusCode(200)
                .header("Strict-Transport-Security", org.hamcrest.Matchers.containsString("max-age"));
    }

    @Test
    void routesPickTheRightBackend() {
        RouteTable routes = io.quarkus.arc.Arc.container().instance(RouteTable.class).get();
        assertThat(routes.resolve("/partners/1/retention-bases").orElseThrow().name()).isEqualTo("dsr");
        assertThat(routes.resolve("/partners/1/scope").orElseThrow().name()).isEqualTo("registry");
        assertThat(routes.resolve("/consents/check").orElseThrow().name()).isEqualTo("consent");
        assertThat(routes.resolve("/.well-known/jwks.json").orElseThrow().name()).isEqualTo("consent");
        assertThat(routes.resolve("/tasks/1/claim").orElseThrow().name()).isEqualTo("dsr");
        assertThat(routes.resolve("/deletion-attestations/jwks.json").orElseThrow().name()).isEqualTo("dsr");
        assertThat(routes.resolve("/deletion-attestations/1").orElseThrow().name()).isEqualTo("dsr");
        assertThat(routes.resolve("/requests/1/attestations").orElseThrow().name()).isEqualTo("dsr");
        // the attestations' keys are public like the receipts' keys; the attestations are not
        assertThat(routes.isPublic("/deletion-attestations/jwks.json")).isTrue();
        assertThat(routes.isPublic("/.well-known/jwks.json")).isTrue();
        assertThat(routes.isPublic("/deletion-attestations/1")).isFalse();
        assertThat(routes.resolve("/emergency-orders").orElseThrow().name()).isEqualTo("breach");
        assertThat(routes.resolve("/partnersx")).isEmpty();
        assertThat(RouteTable.apiPath("/apix")).isNull();
    }

    @Test
    void accessLogPathsCarryNoIds() {
        assertThat(com.privacyplatform.commons.http.PathShape.of("/api/consents/0190abcd-1234/revocation"))
                .isEqualTo("/api/consents/{id}/revocation");
        assertThat(com.privacyplatform.commons.http.PathShape.of("/api/subjects/alice@example.com/holders"))
                .isEqualTo("/api/subjects/{id}/holders");
    }
}
