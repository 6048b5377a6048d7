package com.privacyplatform.registry.snapshot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.privacyplatform.testing.clause.ClauseIndex;
import com.privacyplatform.registry.support.Fixtures;
import com.privacyplatform.registry.support.Snapshots;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SnapshotAndVocabularyTest {

    @Test
    @TestSecurity(user = "service-account-platform-services", roles = "platform-service")
    void servicesBootstrapTheirProjectionFromSnapshots() {
        UUID id = Fixtures.partner("ACTIVE", true);
        Fixtures.scope(id, "payment_processing", "user.name");
        Map<String, Object> found = Snapshots.of(id);
        assertThat(found).isNotNull();
        assertThat(found.get("status")).isEqualTo("ACTIVE");
        assertThat(found.toString()).contains("payment_processing").doesNotContain("li.wei");
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    void partnersCannotReadSnapshots() {
        given().get("/partner-snapshots").then().statusCode(403);
    }

    @Test
    @TestSecurity
    void theVocabularyIsPublic() {
        given().get("/vocabulary").then().statusCode(200)
                .body("version", notNullValue())
                .body("dataCategories.id", hasItem("user.government_id.national_identification_number"))
                .body("purposes.id", hasItem("automated_decision_making"))
                // 3.2.c: the flag for purposes that profile or decide automatically is published with them
                .body("purposes.findAll { it.profiling }.id", containsInAnyOrder("automated_decision_making",
                        "fraud_detection", "personalization"))
                // 2.2: location information without exception, and the kinds 2.2 names
                .body("dataCategories.find { it.id == 'user.location.imprecise' }.sensitive", equalTo(true))
                .body("dataCategories.find { it.id == 'user.demographic.trade_union_membership' }.sensitive",
                        equalTo(true));
        given().get("/partner-snapshots").then().statusCode(401);
    }

    @Test
    void everyClauseTagNamesARealClause() throws Exception {
        ClauseIndex index = ClauseIndex.scan(Path.of("target/classes"));
        assertThat(index.unknownClauses()).isEmpty();
        assertThat(index.byClause()).containsKeys("3.1.b", "3.2.c", "3.2.d", "3.4.d");
        Files.writeString(Path.of("target/compliance-matrix.md"), index.toMarkdown());
    }
}
