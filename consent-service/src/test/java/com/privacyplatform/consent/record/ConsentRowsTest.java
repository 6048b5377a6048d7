package com.privacyplatform.consent.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.commons.db.JointInsert;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A recorded decision and its history entry are written with {@link ConsentRows} instead of persisting
 * the entities: each insert names every column of its table, so a column added by a migration cannot
 * be left out of the write path unnoticed.
 */
@QuarkusTest
class ConsentRowsTest {

    @Test
    void everyColumnOfTheConsentAndHistoryTablesIsWritten() {
        assertCovers("consent", new JointInsert.Part("consent", ConsentRows.CONSENT));
        assertCovers("consent_history", new JointInsert.Part("consent_history", ConsentRows.HISTORY));
    }

    private static void assertCovers(String table, JointInsert.Part part) {
        List<String> columns = TestDb.rows("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ?", table).stream()
                .map(r -> (String) r.get(0)).toList();
        assertThat(columns).isNotEmpty();
        assertThat(part.columns()).as(table).containsExactlyInAnyOrderElementsOf(columns);
    }
}
