package com.privacyplatform.dsr;

import java.net.URL;
import io.quarkus.test.common.http.TestHTTPResource;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.testing.clause.ClauseIndex;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Traceability and the published contract: clause tags, OpenAPI. */
@QuarkusTest
class PlatformTest {

    /** The OpenAPI document is served on the management interface (issue 15.3), not on the API port. */
    @TestHTTPResource(value = "openapi", management = true)
    URL openapi;

    @Test
    void everyClauseTagNamesARealClauseAndTheRightsOfSection35AreCovered() throws Exception {
        ClauseIndex index = ClauseIndex.scan(Path.of("target/classes"));
        assertThat(index.unknownClauses()).isEmpty();
        assertThat(index.byClause()).containsKeys("1.2", "3.2.d", "3.4.f", "3.4.j", "3.5.a", "3.5.b", "3.5.c",
                "3.5.c.b", "3.5.c.c", "3.5.d");
        Files.writeString(Path.of("target/compliance-matrix.md"), index.toMarkdown());
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        JsonPath doc = given().queryParam("format", "json").get(openapi).then().statusCode(200).extract().jsonPath();
        Map<String, Object> paths = doc.getMap("paths");
        assertThat(paths).containsKeys("/requests", "/requests/{id}", "/requests/{id}/timeline",
                "/requests/{id}/confirmation", "/requests/{id}/extension", "/requests/{id}/export", "/tasks",
                "/tasks/{id}", "/tasks/{id}/claim", "/tasks/{id}/completion", "/tasks/{id}/rejection",
                "/partners/{partnerId}/retention-bases", "/partners/{partnerId}/request-scorecard",
                "/partners/{partnerId}/retention-bases/{basisId}/approval",
                "/partners/{partnerId}/retention-bases/{basisId}/refusal", "/retention-bases", "/rejection-reviews",
                "/rejection-reviews/{taskId}", "/rejection-reviews/{taskId}/approval",
                "/rejection-reviews/{taskId}/refusal");
        assertThat(doc.getMap("components.schemas")).containsKeys("SubmitRequest", "Request", "Task",
                "TaskCompletion", "DeletionStatement", "RetentionBasisRequest", "AccessExport");
        assertThat(doc.getString("info.title")).isEqualTo("Data-subject request API");
    }
}
