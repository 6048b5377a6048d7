package com.privacyplatform.breach;

import java.net.URL;
import io.quarkus.test.common.http.TestHTTPResource;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import com.privacyplatform.breach.support.As;
import com.privacyplatform.breach.support.Reports;
import com.privacyplatform.testing.clause.ClauseIndex;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The published contract: OpenAPI with examples, clause tags that name real clauses, a verifiable audit trail. */
@QuarkusTest
class ApiContractTest {

    /** The OpenAPI document is served on the management interface (issue 15.3), not on the API port. */
    @TestHTTPResource(value = "openapi", management = true)
    URL openapi;

    @Test
    void theOpenApiDocumentListsEveryEndpointWithExamples() {
        JsonPath api = given().queryParam("format", "json").get(openapi).then().statusCode(200).extract()
                .jsonPath();
        assertThat(api.getMap("paths").keySet()).contains("/incidents", "/incidents/{id}",
                "/incidents/{id}/updates", "/incidents/{id}/severity-override", "/incidents/{id}/timeline",
                "/incidents/{id}/duties", "/incidents/{id}/duties/{dutyId}/completion",
                "/incidents/{id}/duties/{dutyId}/waiver", "/incidents/{id}/closure",
                "/incidents/{id}/deletion-orders", "/emergency-orders", "/emergency-orders/{id}",
                "/emergency-orders/{id}/lifting");
        assertThat(api.getMap("paths.'/incidents'.post.requestBody.content.'application/json'.examples"))
                .containsKey("confirmed breach");
        assertThat(api.getMap("paths.'/emergency-orders'.post.requestBody.content.'application/json'.examples"))
                .containsKeys("flow restraint", "frequency restraint", "temporary closure");
        assertThat(api.getList("components.schemas.ReportIncidentRequest.properties.discoveredAt.examples"))
                .isNotEmpty();
        assertThat(api.getList("components.schemas.Severity.enum")).containsExactly("LOW", "MEDIUM", "HIGH", "CRITICAL");
    }

    @Test
    void everyClauseTagNamesARealClause() throws Exception {
        ClauseIndex index = ClauseIndex.scan(Path.of("target/classes"));
        assertThat(index.unknownClauses()).isEmpty();
        assertThat(index.byClause()).containsKeys("3.2.d", "3.4.j", "5.1", "5.1.a", "5.1.b", "5.2");
        Files.writeString(Path.of("target/compliance-matrix.md"), index.toMarkdown());
    }

    @Test
    void everyIncidentStepIsOnTheVerifiableAuditTrail() {
        String id = Reports.report().create();
        // records are listed once the chainer has linked them, milliseconds after the commit
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> As.auditor()
                .queryParams("targetType", "incident", "targetId", id).get("/audit-records").then()
                .statusCode(200).body("items.size()", greaterThan(2))
                .body("items[0].action", equalTo("incident.reported")));
        As.auditor().get("/audit-records/verification").then().statusCode(200).body("valid", equalTo(true));
    }
}
