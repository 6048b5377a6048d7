package com.privacyplatform.dsr.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import com.privacyplatform.dsr.request.Correction;
import com.privacyplatform.dsr.request.CorrectionPurger;
import com.privacyplatform.dsr.request.RequestType;
import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.dsr.support.Flows;
import com.privacyplatform.testing.MovableClock;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sealed correction values are erased once their request is over plus {@code dsr.correction-retention}. */
@QuarkusTest
class CorrectionPurgeTest {

    static final String SUBJECT = "5b000000-0000-4000-8000-000000000971";

    @Inject
    CorrectionPurger purger;

    @Inject
    MovableClock clock;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    @TestSecurity(user = SUBJECT, roles = "data-subject")
    void correctionValuesOfARequestOverForLongerThanTheRetentionAreErasedAndTheOthersStay() {
        UUID partner = Fixtures.newPartner();
        Fixtures.holding(partner, SUBJECT, "user.contact.email", "user.name", "user.contact.phone_number");
        UUID stillOpen = correctionDaysAgo(90, partner, "user.contact.phone_number", "+8613700001111", false);
        UUID longDone = correctionDaysAgo(31, partner, "user.contact.email", "old.mail@example.com", true);
        UUID recentlyDone = correctionDaysAgo(29, partner, "user.name", "Chen Jie", true);

        int erased = Flows.await(() -> purger.purge());

        assertThat(erased).isGreaterThanOrEqualTo(1);
        List<Object> row = TestDb.rows("SELECT corrections_sealed, corrections_nonce, corrections_key_id,"
                + " corrections_purged_at FROM dsr_request WHERE id = ?", longDone).get(0);
        assertThat(row.subList(0, 3)).containsOnlyNulls();
        assertThat(row.get(3)).as("when the values were erased").isNotNull();
        given().get("/requests/" + longDone).then().statusCode(200).body("corrections", empty());
        given().get("/requests/" + recentlyDone).then().statusCode(200)
                .body("corrections[0].value", equalTo("Chen Jie"));
        given().get("/requests/" + stillOpen).then().statusCode(200)
                .body("corrections[0].value", equalTo("+8613700001111"));
    }

    /** A correction submitted {@code days} ago and, when {@code finished}, completed by the partner then. */
    private UUID correctionDaysAgo(int days, UUID partner, String field, String value, boolean finished) {
        clock.rewind(Duration.ofDays(days));
        try {
            UUID request = Flows.subjectSubmits(SUBJECT, RequestType.CORRECTION, List.of(partner),
                    List.of(new Correction(field, value)));
            if (finished) {
                Flows.partnerCorrects(Fixtures.taskOf(request, partner, "PARTNER"));
            }
            return request;
        } finally {
            clock.reset();
        }
    }
}
