package com.privacyplatform.commons.db;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.commons.support.Partners;
import com.privacyplatform.testing.Backends;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A read that entered a transaction is never run twice when its connection is lost afterwards. */
@QuarkusTest
@TestSecurity(user = "partner-a", roles = "partner")
@OidcSecurity(claims = @Claim(key = "partner_id", value = Partners.A))
class ReadRetryGuardTest {

    @Test
    void aReadThatWroteIsNotRetriedAndItsOutcomeIsUnknown() throws Exception {
        String marker = "db-loss-" + UUID.randomUUID();
        Response cut;
        try (Backends.Held widgets = Backends.tableLock("test_widget")) {
            CompletableFuture<Response> pending = CompletableFuture.supplyAsync(
                    () -> given().get("/test/db-loss/write-then-read/" + marker));
            Backends.Blocked reading = widgets.awaitBlocked(); // the nested write has committed by now
            reading.terminate();
            cut = pending.get(30, TimeUnit.SECONDS);
        }
        assertThat(cut.statusCode()).isEqualTo(503);
        assertThat(cut.header("Retry-After")).isEqualTo("2");
        assertThat(cut.jsonPath().getString("type")).isEqualTo("https://privacy-platform.example/problems/database-unavailable");
        assertThat(cut.jsonPath().getString("detail")).contains("outcome is unknown");
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE target_id = ?", marker)).isEqualTo(1);

        given().get("/test/db-loss/write-then-read/" + UUID.randomUUID()).then().statusCode(200);
    }
}
