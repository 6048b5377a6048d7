package com.privacyplatform.consent.api;

import java.net.URL;
import io.quarkus.test.common.http.TestHTTPResource;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.testing.clause.ClauseIndex;
import com.privacyplatform.consent.partner.PartnerReconciliation;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** OpenAPI with examples, clause tags that name real clauses, health without the registry. */
@QuarkusTest
class ApiDocsTest {

    /** The OpenAPI document is served on the management interface (issue 15.3), not on the API port. */
    @TestHTTPResource(value = "openapi", management = true)
    URL openapi;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @Inject
    PartnerReconciliation bootstrap;

    @Inject
    Vertx vertx;

    @Test
    void theOpenApiDocumentsEveryEndpointWithExamples() throws Exception {
        JsonNode api = new ObjectMapper().readTree(given().queryParam("format", "json").get(openapi).then()
                .statusCode(200).extract().asString());
        JsonNode paths = api.get("paths");
        for (String path : new String[] {"/consents", "/consents/imports", "/consents/{id}", "/consents/{id}/history",
            "/consents/{id}/receipt", "/consents/{id}/revocation", "/consents/check", "/subjects/{subjectId}/holders",
            "/.well-known/jwks.json"}) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.at("/~1consents/post/requestBody/content/application~1json/examples").size()).isPositive();
        assertThat(paths.at("/~1consents~1imports/post/requestBody/content/application~1json/examples").size())
                .isPositive();
        assertThat(paths.at("/~1consents~1imports/post/responses/409/content/application~1problem+json/examples")
                .size()).isPositive();
        JsonNode checkExamples = paths.at("/~1consents~1check/post/responses/200/content/application~1json/examples");
        assertThat(checkExamples.has("allow") && checkExamples.has("deny")).isTrue();
        assertThat(api.at("/components/schemas/RecordConsentRequest/properties/subjectId/examples/0").asText())
                .isNotBlank();
    }

    @Test
    void everyClauseTagNamesARealClauseAndTheMatrixIsWritten() throws Exception {
        ClauseIndex index = ClauseIndex.scan(Path.of("target/classes"));
        assertThat(index.unknownClauses()).isEmpty();
        assertThat(index.byClause()).containsKeys("1.1", "1.2", "3.1.b", "3.1.c", "3.2.a", "3.2.b", "3.2.c", "3.2.d",
                "3.3.a", "3.5.a", "3.5.d");
        Files.writeString(Path.of("target/compliance-matrix.md"), index.toMarkdown());
    }

    /**
     * Readiness never waits for the registry: while a projection bootstrap is stuck on a registry that
     * took the request and never answers, every readiness check (database, broker) is UP.
     */
    @Test
    void theServiceStaysReadyWhileTheRegistryBootstrapHangs() throws Exception {
        CompletableFuture<Void> asked = new CompletableFuture<>();
        HttpServer silent = vertx.createHttpServer().requestHandler(request -> asked.complete(null)).listen(0)
                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        try {
            CompletableFuture<PartnerReconciliation.Result> pending = bootstrap.reconcileFrom(URI.create("http://localhost:"
                    + silent.actualPort())).subscribeAsCompletionStage();
            asked.get(30, TimeUnit.SECONDS); // the bootstrap now waits for the registry's answer
            given().get(ready).then().statusCode(200).body("status", equalTo("UP"))
                    .body("checks", not(empty())).body("checks.status", everyItem(equalTo("UP")));
            assertThat(pending).isNotDone();
            pending.cancel(true);
        } finally {
            silent.close();
        }
    }
}
