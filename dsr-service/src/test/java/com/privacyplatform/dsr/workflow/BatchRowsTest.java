package com.privacyplatform.dsr.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.commons.db.MultiRowInsert;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A mass deletion writes its requests, tasks and timeline with {@link BatchRows} instead of persisting
 * entities: each insert names every column of its table, so a column added by a migration cannot be
 * left out of the fan-out's rows unnoticed.
 */
@QuarkusTest
class BatchRowsTest {

    @Test
    void everyColumnOfTheRequestTaskAndTimelineTablesIsWritten() {
        assertCovers("dsr_request", BatchRows.REQUESTS);
        assertCovers("dsr_task", BatchRows.TASKS);
        assertCovers("dsr_timeline_entry", BatchRows.TIMELINE);
    }

    private static void assertCovers(String table, MultiRowInsert<?> insert) {
        List<String> columns = TestDb.rows("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ?", table).stream()
                .map(r -> (String) r.get(0)).toList();
        assertThat(columns).isNotEmpty();
        assertThat(insert.columns()).as(table).containsExactlyInAnyOrderElementsOf(columns);
    }
}
