package com.privacyplatform.commons.projection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.testapp.WidgetDirectory;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.2 on the test application's projection (WidgetDirectory, rebuilt from a source the test
 * controls): 503 until the first build, repairs of lost, altered and extra rows on an officer's
 * request, the drift as a metric and a stored figure, the projection unchanged when the source fails.
 */
@QuarkusTest
class ProjectionSyncTest {

    static final String STATE = "/projections/" + WidgetDirectory.PROJECTION;

    @Inject
    WidgetDirectory directory;

    @Test
    @TestSecurity(user = "officer", roles = Roles.OFFICER)
    void aProjectionAnswers503UntilBuiltThenReconciliationRepairsItsDrift() {
        // the source does not answer yet: the requests that need the projection get 503, readiness stays UP
        given().get("/widget-directory/spanner").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "1").body("type", endsWith("/projection-unavailable"));
        given().get(STATE).then().statusCode(200).body("built", equalTo(false)).body("sourceConfigured", equalTo(true));
        given().get("/q/health/ready").then().statusCode(200);
        given().post(STATE + "/reconciliation").then().statusCode(503).contentType("application/problem+json")
                .body("type", endsWith("/projection-source-unavailable"));

        // the source answers: the scheduled retry builds it (what the build writes is not drift)
        directory.announce(Map.of("spanner", "red", "wrench", "blue"));
        directory.reachable(true);
        await().atMost(Duration.ofSeconds(15)).until(() -> given().get("/widget-directory/spanner").statusCode() == 200);
        given().get("/widget-directory/spanner").then().body("colour", equalTo("red"));
        given().get(STATE).then().statusCode(200).body("built", equalTo(true)).body("repairedTotal", equalTo(0))
                .body("reconciliations", greaterThanOrEqualTo(1));

        // drift: a row lost, a row altered, a row the source never had
        TestDb.execute("DELETE FROM widget_directory WHERE name = 'spanner'",
                "UPDATE widget_directory SET colour = 'green' WHERE name = 'wrench'",
                "INSERT INTO widget_directory (name, colour) VALUES ('hammer', 'black')");
        given().get("/widget-directory/spanner").then().statusCode(404);
        given().post(STATE + "/reconciliation").then().statusCode(200).body("lastRepaired", equalTo(3))
                .body("repairedTotal", equalTo(3)).body("running", equalTo(false));
        given().get("/widget-directory/spanner").then().statusCode(200).body("colour", equalTo("red"));
        given().get("/widget-directory/wrench").then().statusCode(200).body("colour", equalTo("blue"));
        given().get("/widget-directory/hammer").then().statusCode(404);

        // nothing left to repair; the figures are kept for the next start and shown as a metric
        given().post(STATE + "/reconciliation").then().statusCode(200).body("lastRepaired", equalTo(0))
                .body("repairedTotal", equalTo(3));
        assertThat(TestDb.rows("SELECT last_repaired, repaired_total FROM platform_projection_sync WHERE projection = ?",
                WidgetDirectory.PROJECTION)).containsExactly(java.util.List.of(0, 3L));
        given().get("/q/metrics").then().statusCode(200).body(containsString(
                "platform_projection_drift_repaired_total{projection=\"" + WidgetDirectory.PROJECTION + "\"} 3.0"));

        // a source that fails: 503 on request, and the projection stays as it was
        directory.reachable(false);
        try {
            given().post(STATE + "/reconciliation").then().statusCode(503)
                    .body("type", endsWith("/projection-source-unavailable"));
            given().get("/widget-directory/spanner").then().statusCode(200).body("colour", equalTo("red"));
        } finally {
            directory.reachable(true);
        }
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    void onlyOfficersSeeOrRunAReconciliation() {
        given().get(STATE).then().statusCode(403);
        given().post(STATE + "/reconciliation").then().statusCode(403);
    }

    @Test
    void anonymousCallersAreRefused() {
        given().get(STATE).then().statusCode(401);
        given().post(STATE + "/reconciliation").then().statusCode(401);
    }
}
