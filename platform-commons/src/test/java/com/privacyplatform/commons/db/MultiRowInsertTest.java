package com.privacyplatform.commons.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The text form in which {@link MultiRowInsert} sends every value reads back, cast to the column's type, as
 * the value written. (Its statements are tested where they are used: {@code BulkPublishTest} writes more
 * outbox and audit rows than one statement takes; dsr-service's mass deletion tests write requests, tasks
 * and timeline.)
 */
@QuarkusTest
class MultiRowInsertTest {

    enum Colour { RED }

    @Test
    void everyKindOfValueReadsBackAsWrittenOnceCastToItsType() {
        UUID id = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.of(2026, 12, 7, 1, 2, 0, 123_456_000, ZoneOffset.UTC);
        List<Object> back = TestDb.rows("SELECT CAST(? AS uuid)::text, CAST(? AS timestamptz) = ?::timestamptz,"
                + " CAST(? AS date)::text, CAST(? AS bigint), CAST(? AS bytea) = '\\x00ff10'::bytea, CAST(? AS text),"
                + " CAST(? AS jsonb)->>'a'", MultiRowInsert.text(id), MultiRowInsert.text(at),
                "2026-12-07 01:02:00.123456+00", MultiRowInsert.text(LocalDate.of(2026, 2, 28)),
                MultiRowInsert.text(42L), MultiRowInsert.text(new byte[] {0, -1, 16}),
                MultiRowInsert.text(Colour.RED), MultiRowInsert.text("{\"a\":\"b\"}")).get(0);
        assertThat(back).containsExactly(id.toString(), true, "2026-02-28", 42L, true, "RED", "b");
    }

    @Test
    void anArrayReadsBackAsTheSameElementsQuotesBackslashesAndNullsIncluded() {
        List<String> items = Arrays.asList("plain", "with \"quotes\"", "back\\slash", "a,b", "{braces}", "",
                " spaced ", null, "NULL");
        List<List<Object>> back = TestDb.rows("SELECT u.item, u.item IS NULL FROM unnest(CAST(? AS text[]))"
                + " WITH ORDINALITY AS u(item, n) ORDER BY u.n", MultiRowInsert.text(items));
        assertThat(back).hasSize(items.size());
        for (int i = 0; i < items.size(); i++) {
            assertThat(back.get(i).get(0)).isEqualTo(items.get(i));
            assertThat(back.get(i).get(1)).isEqualTo(items.get(i) == null);
        }
        assertThat(MultiRowInsert.text(List.of())).isEqualTo("{}");
        assertThat(MultiRowInsert.text(null)).isNull();
    }
}
