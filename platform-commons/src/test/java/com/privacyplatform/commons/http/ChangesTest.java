package com.privacyplatform.commons.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import com.privacyplatform.commons.support.Partners;
import com.privacyplatform.commons.support.Widgets;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "partner-a", roles = "partner")
@OidcSecurity(claims = @Claim(key = "partner_id", value = Partners.A))
class ChangesTest {

    @Test
    void aChangeWithTheCurrentETagIsAppliedAuditedAndAnsweredWithTheNewETag() {
        String id = Widgets.create("changes-" + UUID.randomUUID());
        rename(id, "\"0\"", "renamed-once").then().statusCode(200)
                .header("ETag", "\"1\"").body("name", equalTo("renamed-once"));
        assertThat(name(id)).isEqualTo("renamed-once");
        assertThat(audits(id)).isEqualTo(1);
    }

    @Test
    void aStaleIfMatchIs412AndNeitherChangesNorAudits() {
        String id = Widgets.create("changes-stale-" + UUID.randomUUID());
        rename(id, "\"0\"", "first").then().statusCode(200);
        rename(id, "\"0\"", "second").then().statusCode(412)
                .body("type", equalTo("https://privacy-platform.example/problems/precondition-failed"));
        assertThat(name(id)).isEqualTo("first");
        assertThat(audits(id)).isEqualTo(1);
    }

    @Test
    void aChangeWithoutIfMatchIsApplied() {
        String id = Widgets.create("changes-unconditional-" + UUID.randomUUID());
        rename(id, null, "no-precondition").then().statusCode(200).header("ETag", "\"1\"");
        assertThat(audits(id)).isEqualTo(1);
    }

    @Test
    void aRefusedChangeLeavesTheEntityAndTheTrailAsTheyWere() {
        String name = "changes-refused-" + UUID.randomUUID();
        String id = Widgets.create(name);
        rename(id, "\"0\"", "refused-name").then().statusCode(409);
        assertThat(name(id)).isEqualTo(name);
        assertThat(audits(id)).isZero();
        assertThat(TestDb.count("SELECT version FROM test_widget WHERE id = ?::uuid", id)).isZero();
    }

    @Test
    void anEntityTheCallerCannotSeeIs404AndNothingIsAudited() {
        String id = UUID.randomUUID().toString();
        rename(id, "\"0\"", "nobody").then().statusCode(404);
        assertThat(audits(id)).isZero();
    }

    @Test
    void aCreateAnswersLocationAndETagAndReplaysTheSameKey() {
        String key = UUID.randomUUID().toString();
        String name = "changes-created-" + key;
        Response first = create(key, name);
        String id = first.then().statusCode(201).header("ETag", "\"0\"").extract().path("id");
        first.then().header("Location", endsWith("/test/labelled-widgets/" + id));
        create(key, name).then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location"))).body("id", equalTo(id));
        assertThat(TestDb.count("SELECT count(*) FROM test_widget WHERE name = ?", name)).isEqualTo(1);
    }

    private static Response rename(String id, String ifMatch, String name) {
        var request = given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"size\":1}");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post("/test/widgets/" + id + "/renaming");
    }

    private static Response create(String key, String name) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"name\":\"" + name + "\",\"size\":2}").post("/test/labelled-widgets");
    }

    private static String name(String id) {
        return (String) TestDb.single("SELECT name FROM test_widget WHERE id = ?::uuid", id);
    }

    private static long audits(String id) {
        return TestDb.count("SELECT count(*) FROM platform_audit_record WHERE action = 'widget.renamed'"
                + " AND target_id = ?", id);
    }
}
