package com.privacyplatform.commons.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one statement {@link JointInsert} sends: every row but the last in a {@code WITH} part, the
 * placeholders numbered across the parts in the order of their values. (Its writes are tested where it
 * is used: consent-service's recording tests, {@code ConcurrentRecordingTest} counting every record.)
 */
class JointInsertTest {

    @Test
    void thePartsBecomeOneStatementWithTheirPlaceholdersNumberedInOrder() {
        List<Object> params = new ArrayList<>();
        String sql = JointInsert.statement(List.of(
                new JointInsert.Part("a", "(x, y) VALUES (?, ?)", 1, null),
                new JointInsert.Part("b", "(z) VALUES (CAST(CAST(? AS text) AS jsonb))", "{}"),
                new JointInsert.Part("c", "(x, y, z) VALUES (?, ?, 0)", "p", new String[] {"q"})), params);
        assertThat(sql).isEqualTo("WITH p0 AS (INSERT INTO a (x, y) VALUES ($1, $2)),"
                + " p1 AS (INSERT INTO b (z) VALUES (CAST(CAST($3 AS text) AS jsonb)))"
                + " INSERT INTO c (x, y, z) VALUES ($4, $5, 0)");
        assertThat(params).hasSize(5).containsSequence(1, null, "{}", "p");
        assertThat(new JointInsert.Part("c", "(x, y, z) VALUES (?, ?, 0)").columns()).containsExactly("x", "y", "z");
    }

    @Test
    void aPartWhoseValuesDoNotMatchItsPlaceholdersIsRefused() {
        assertThatThrownBy(() -> JointInsert.statement(List.of(new JointInsert.Part("a", "(x, y) VALUES (?, ?)", 1)),
                new ArrayList<>())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a: 2");
    }
}
