package com.privacyplatform.commons.db;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.privacyplatform.commons.support.Partners;
import com.privacyplatform.commons.support.Widgets;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A database that refuses new connections ("too many connections", SQLSTATE 53300, FATAL) is
 * unavailable, not broken: 503 with Retry-After. The test database is filled for real - its
 * connection limit lowered to the one connection the test holds, the service's own connections
 * terminated - so the service's next connection attempt is refused by the server; the limit is
 * restored whatever happens.
 */
@QuarkusTest
@TestSecurity(user = "partner-a", roles = "partner")
@OidcSecurity(claims = @Claim(key = "partner_id", value = Partners.A))
class TooManyConnectionsTest {

    @Test
    void aDatabaseRefusingConnectionsIs503WithRetryAfter() throws SQLException {
        String id = Widgets.create("crowded");
        Response refused;
        try (Connection test = TestDb.connect()) {
            String database = (String) scalar(test, "SELECT current_database()");
            Object previous = scalar(test, "SELECT datconnlimit FROM pg_database WHERE datname = current_database()");
            try {
                execute(test, "ALTER DATABASE " + database + " CONNECTION LIMIT 1");
                execute(test, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
                await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) scalar(test,
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'"))
                        .intValue() == 1);
                refused = given().get("/test/widgets/" + id);
            } finally {
                execute(test, "ALTER DATABASE " + database + " CONNECTION LIMIT " + previous);
            }
        }
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("2");
        assertThat(refused.jsonPath().getString("type"))
                .isEqualTo("https://privacy-platform.example/problems/database-unavailable");
        assertThat(refused.jsonPath().getString("detail")).contains("nothing was changed");
        // with room again, the service connects at once, and its readiness (whose JDBC pool held a
        // connection the test cut) is back too
        given().get("/test/widgets/" + id).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    private static Object scalar(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
