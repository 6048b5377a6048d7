package com.privacyplatform.registry.processor;

import static com.privacyplatform.registry.processor.RegistryFixtures.of;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 3.3.b: the partner's scope cannot shrink below what a PROPOSED or ACTIVE processor needs. */
@QuarkusTest
@TestSecurity(user = "olivia", roles = RegistryFixtures.OFFICER)
class ProcessorScopeGuardTest {

    /** Keeps payment_processing x {name, transaction}: drops email and customer_support. */
    private static final String NARROWED = "{\"entries\":[{\"purpose\":\"payment_processing\","
            + "\"categories\":[\"user.name\",\"user.financial.transaction\"]}]}";

    private static long scopePairs(UUID partner) {
        return TestDb.count("SELECT count(*) FROM partner_scope_entry WHERE partner_id = ?", partner);
    }

    @Test
    @Verifies(value = "3.3.b", exercises = {"ProcessorService#update", "ProcessorScopeGuard"})
    void narrowingTheScopeBelowAnActiveProcessorIsRefusedNamingIt() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        UUID active = RegistryFixtures.processor(partner, "ACTIVE", "CN", of("payment_processing"),
                of("user.name", "user.contact.email"), true);
        given().contentType(ContentType.JSON).body(NARROWED).put("/partners/" + partner + "/scope")
                .then().statusCode(409).contentType("application/problem+json")
                .body("clause", equalTo("3.3.b"))
                .body("errors", hasSize(1))
                .body("errors[0].message", containsString(active.toString()))
                .body("errors[0].message", containsString("payment_processing x user.contact.email"));
        assertThat(scopePairs(partner)).isEqualTo(5);
    }

    @Test
    void narrowingTheScopeBelowAProposedProcessorIsRefusedToo() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        UUID proposed = RegistryFixtures.processor(partner, "PROPOSED", "CN", of("customer_support"),
                of("user.name"), false);
        given().contentType(ContentType.JSON).body(NARROWED).put("/partners/" + partner + "/scope")
                .then().statusCode(409).body("errors[0].message", containsString(proposed.toString()));
        assertThat(scopePairs(partner)).isEqualTo(5);
    }

    @Test
    void aScopeThatStillCoversTheProcessorsOrLeavesOnlyWithdrawnOnesOutsideIsAccepted() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        RegistryFixtures.processor(partner, "ACTIVE", "CN", of("payment_processing"), of("user.name"), true);
        RegistryFixtures.processor(partner, "WITHDRAWN", "CN", of("customer_support"), of("user.contact.email"), true);
        given().contentType(ContentType.JSON).body(NARROWED).put("/partners/" + partner + "/scope")
                .then().statusCode(200).body("entries", hasSize(1));
        assertThat(scopePairs(partner)).isEqualTo(2);
    }
}
