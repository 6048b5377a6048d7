package com.privacyplatform.dsr.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.dsr.deadline.Deadlines;
import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.dsr.support.Publish;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** 3.4.j: breach.deletion-ordered (from the agreed queue) becomes one deletion task per affected subject. */
@QuarkusTest
@TestSecurity(user = "olivia", roles = "compliance-officer")
class BreachOrderTest {

    @Inject
    Deadlines deadlines;

    @Test
    @Verifies(value = "3.4.j", exercises = "MassDeletions#breachOrdered")
    void aBreachOrderOpensOneUrgentDeletionTaskPerSubjectHoldingTheOrderedCategories() {
        UUID partner = Fixtures.newPartner();
        String both = Fixtures.newSubject();
        String nameOnly = Fixtures.newSubject();
        String lapsed = Fixtures.newSubject();
        Fixtures.holding(partner, both, "ACTIVE", "order_fulfilment", List.of("user.contact.email", "user.name"),
                Fixtures.recipients("Parcel Co", "DE"));
        Fixtures.holding(partner, nameOnly, "user.name");
        Fixtures.holding(partner, lapsed, "REVOKED", "analytics", List.of("user.contact.email"), null);
        Fixtures.holding(Fixtures.newPartner(), nameOnly, "user.contact.email"); // held by another partner
        UUID incident = Ids.newId();
        Publish.breachDeletionOrdered(incident, partner, List.of("user.contact.email"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(TestDb.count("SELECT count(*) FROM"
                + " dsr_request WHERE origin = 'BREACH_ORDER' AND origin_ref = ?::uuid", incident.toString()))
                .isEqualTo(2));
        UUID twice = Publish.breachDeletionOrdered(incident, partner, List.of("user.contact.email")); // sent again
        assertThat(TestDb.count("SELECT count(*) FROM dsr_request WHERE subject_id = ?", nameOnly)).isZero();

        String id = given().queryParam("subjectId", both).queryParam("origin", "BREACH_ORDER").get("/requests")
                .then().body("items", hasSize(1)).extract().path("items[0].id");
        LocalDate expected = deadlines.calculator().plusBusinessDays(LocalDate.now(ZoneOffset.UTC), 3, null);
        given().get("/requests/" + id).then().body("policy.id", equalTo("PLATFORM_EMERGENCY"))
                .body("dueOn", equalTo(expected.toString()))
                .body("tasks", hasSize(1)).body("tasks[0].kind", equalTo("PARTNER"))
                .body("tasks[0].categories", equalTo(List.of("user.contact.email")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(TestDb.count(
                "SELECT count(*) FROM platform_inbox WHERE event_id = ?::uuid", twice.toString())).isEqualTo(1));
        assertThat(TestDb.count("SELECT count(*) FROM dsr_request WHERE origin_ref = ?::uuid", incident.toString()))
                .isEqualTo(2);
    }

    @Test
    void breachOrdersAreReadFromTheAgreedDurableQueueDsrServiceBreachOrders() throws Exception {
        SmallRyeConfig prod = new SmallRyeConfigBuilder().addDefaultInterceptors().withProfile("prod")
                .withSources(new PropertiesConfigSource(
                        getClass().getClassLoader().getResource("application.properties"), 250))
                .build();
        String channel = "mp.messaging.incoming.breach-orders.";
        assertThat(prod.getValue(channel + "queue.name", String.class)).isEqualTo("dsr-service.breach-orders");
        assertThat(prod.getValue(channel + "routing-keys", String.class)).isEqualTo("breach.deletion-ordered");
        assertThat(prod.getValue(channel + "queue.x-queue-type", String.class)).isEqualTo("quorum");
        assertThat(prod.getOptionalValue(channel + "queue.durable", Boolean.class)).isEmpty(); // connector default: durable
        assertThat(prod.getValue(channel + "auto-bind-dlq", Boolean.class)).isTrue();
        // the tests themselves consume from a throw-away queue
        assertThat(ConfigProvider.getConfig().getValue(channel + "queue.name", String.class))
                .isEqualTo("dsr-test.breach-orders");
    }
}
