package com.privacyplatform.dsr.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.dsr.config.DsrConfig;
import com.privacyplatform.dsr.request.RequestType;
import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.dsr.support.Flows;
import com.privacyplatform.testing.MovableClock;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ACCESS exports: sealed at rest, downloadable by the subject only, and only until they expire. */
@QuarkusTest
class AccessExportTest {

    static final String OWNER = "5b000000-0000-4000-8000-000000000601";
    static final String LATE = "5b000000-0000-4000-8000-000000000602";
    static final String WAITING = "5b000000-0000-4000-8000-000000000603";
    static final String EXPORT = "{\"profile\":{\"email\":\"li.na@example.com\",\"phone\":\"+8613812345678\"},"
            + "\"orders\":[{\"id\":\"o-1\",\"total\":12.5}]}";
    private static UUID request;

    @Inject
    ExportPurger purger;

    @Inject
    MovableClock clock;

    @Inject
    DsrConfig config;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @BeforeAll
    static void delivered() {
        UUID partner = Fixtures.newPartner();
        Fixtures.holding(partner, OWNER, "user.contact.email");
        request = Flows.subjectSubmits(OWNER, RequestType.ACCESS);
        Flows.partnerExports(Fixtures.taskOf(request, partner, "PARTNER"), EXPORT);
    }

    @Test
    @TestSecurity(user = OWNER, roles = "data-subject")
    @Verifies(value = {"3.5.a", "3.4.b"}, exercises = {"ExportService#store", "ExportResource#download"})
    void theSubjectDownloadsTheExportWhichIsStoredOnlyEncrypted() {
        given().get("/requests/" + request).then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("export.parts", equalTo(1)).body("export.available", equalTo(true))
                .body("export.expiresAt", notNullValue()).body("tasks[0].evidence.export.sizeBytes", notNullValue());
        given().get("/requests/" + request + "/export").then().statusCode(200).header("Cache-Control", "no-store")
                .body("parts", hasSize(1)).body("parts[0].data.profile.email", equalTo("li.na@example.com"))
                .body("parts[0].data.orders[0].total", equalTo(12.5f));
        Object stored = TestDb.single("SELECT encode(sealed, 'escape') FROM access_export WHERE request_id = ?::uuid",
                request.toString());
        assertThat(stored.toString()).doesNotContain("li.na").doesNotContain("13812345678");
        assertThat(TestDb.single("SELECT evidence::text FROM dsr_task WHERE request_id = ?::uuid", request.toString())
                .toString()).doesNotContain("li.na");
        given().get("/requests/" + request + "/timeline").then().body("kind", org.hamcrest.Matchers.hasItem(
                "EXPORT_DOWNLOADED"));
    }

    @Test
    @TestSecurity(user = "5b000000-0000-4000-8000-000000000699", roles = "data-subject")
    @Verifies(value = "3.4.f", exercises = "ExportResource#download")
    void anotherSubjectGets404() {
        given().get("/requests/" + request + "/export").then().statusCode(404);
        given().get("/requests/" + UUID.randomUUID() + "/export").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    void officersCannotDownloadTheExport() {
        given().get("/requests/" + request + "/export").then().statusCode(403);
        given().get("/requests/" + request).then().statusCode(200).body("export.parts", equalTo(1));
    }

    @Test
    @TestSecurity(user = LATE, roles = "data-subject")
    void anExpiredExportIsGoneAndThePurgeErasesItsContent() throws Throwable {
        UUID partner = Fixtures.newPartner();
        Fixtures.holding(partner, LATE, "user.name");
        UUID expired = Flows.subjectSubmits(LATE, RequestType.ACCESS);
        clock.rewind(config.export().ttl().plusMinutes(1)); // delivered longer ago than an export lives
        Flows.partnerExports(Fixtures.taskOf(expired, partner, "PARTNER"), "{\"name\":\"Li Na\"}");
        clock.reset();
        given().get("/requests/" + expired + "/export").then().statusCode(410)
                .body("type", equalTo("https://privacy-platform.example/problems/export-expired"));
        given().get("/requests/" + expired).then().body("export.available", equalTo(false));
        assertThat(VertxContextSupport.subscribeAndAwait(() -> purger.purge())).isPositive();
        assertThat(TestDb.count("SELECT count(*) FROM access_export WHERE request_id = ?::uuid AND sealed IS NULL"
                + " AND purged_at IS NOT NULL", expired.toString())).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = WAITING, roles = "data-subject")
    void thereIsNoExportBeforeDeliveryNorForOtherTypesAndADuplicateSharesTheOriginals() {
        UUID partner = Fixtures.newPartner();
        Fixtures.holding(partner, WAITING, "user.name");
        UUID open = Flows.subjectSubmits(WAITING, RequestType.ACCESS);
        given().get("/requests/" + open + "/export").then().statusCode(409);
        UUID deletion = Flows.subjectSubmits(WAITING, RequestType.DELETION);
        given().get("/requests/" + deletion + "/export").then().statusCode(404);
        UUID duplicate = Flows.subjectSubmits(WAITING, RequestType.ACCESS);
        Flows.partnerExports(Fixtures.taskOf(open, partner, "PARTNER"), "{\"name\":\"Wang Wu\"}");
        given().get("/requests/" + duplicate + "/export").then().statusCode(200)
                .body("parts[0].data.name", equalTo("Wang Wu"));
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.PARTNER_A))
    void aPartnerDeliversAnExportAsAJsonObjectOfBoundedSize() {
        String subject = Fixtures.newSubject();
        Fixtures.holding(Fixtures.partnerA(), subject, "user.name");
        UUID access = Flows.subjectSubmits(subject, RequestType.ACCESS);
        UUID task = Fixtures.taskOf(access, Fixtures.partnerA(), "PARTNER");
        given().contentType(ContentType.JSON).body("{\"export\":[1,2]}").post("/tasks/" + task + "/completion")
                .then().statusCode(400).body("errors[0].field", equalTo("export"));
        given().contentType(ContentType.JSON).body("{\"export\":{\"blob\":\"" + "x".repeat(1_100_000) + "\"}}")
                .post("/tasks/" + task + "/completion").then().statusCode(413);
        given().contentType(ContentType.JSON).body("{\"export\":{\"name\":\"Li Na\"},\"note\":\"CRM and orders\"}")
                .post("/tasks/" + task + "/completion").then().statusCode(200)
                .body("evidence.export.sizeBytes", equalTo(16)).body("evidence.note", equalTo("CRM and orders"));
        assertThat(TestDb.count("SELECT count(*) FROM access_export WHERE task_id = ?::uuid", task.toString()))
                .isEqualTo(1);
    }
}
