package com.privacyplatform.commons.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.privacyplatform.commons.support.Partners;
import com.privacyplatform.testing.TestBroker;
import com.privacyplatform.testing.TestDb;
import com.privacyplatform.commons.support.Widgets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md "Events": no event is lost when the broker restarts, and none is applied twice.
 * Stops the real RabbitMQ while events are being written, starts it again, and follows every
 * event to the consumer's effect table.
 */
@QuarkusTest
@TestSecurity(user = "partner-a", roles = "partner")
@OidcSecurity(claims = @Claim(key = "partner_id", value = Partners.A))
class BrokerOutageTest {

    @Test
    void everyEventWrittenAcrossABrokerRestartIsAppliedExactlyOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(Widgets.create("outage-" + run + "-before-" + i));
        }
        List<String> duringOutage = new ArrayList<>();
        TestBroker.stopBroker();
        try {
            for (int i = 0; i < 20; i++) {
                // writes keep succeeding: the outbox only needs the database
                duringOutage.add(Widgets.create("outage-" + run + "-during-" + i));
                Thread.sleep(50);
            }
            Thread.sleep(2000);
            assertThat(TestDb.count("SELECT count(*) FROM platform_outbox WHERE sent_at IS NULL AND subject = ANY(?)",
                    (Object) duringOutage.toArray(String[]::new)))
                    .as("events written while the broker is down stay pending").isEqualTo(20);
        } finally {
            TestBroker.startBroker();
        }
        ids.addAll(duringOutage);
        for (int i = 0; i < 10; i++) {
            ids.add(Widgets.create("outage-" + run + "-after-" + i));
        }

        String[] subjects = ids.toArray(String[]::new);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> TestDb.count(
                "SELECT count(*) FROM test_effect WHERE event_type = 'widget.created' AND subject = ANY(?)",
                (Object) subjects) == ids.size());
        assertThat(TestDb.count("SELECT count(*) FROM test_effect WHERE subject = ANY(?) AND applications <> 1",
                (Object) subjects)).as("no event applied twice").isZero();
        assertThat(TestDb.count("SELECT count(*) FROM platform_outbox WHERE subject = ANY(?) AND sent_at IS NULL",
                (Object) subjects)).as("every event confirmed and marked sent").isZero();
    }
}
