package com.privacyplatform.commons.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link MultiRowInsert}'s own checks. Its statements are tested where they are used: {@code BulkPublishTest}
 * writes more outbox and audit rows than one statement takes, dsr-service's mass deletion tests its
 * requests, tasks (with {@code text[]} columns) and timeline.
 */
class MultiRowInsertTest {

    @Test
    void aTextArrayKeepsEveryElementAndNoListIsNull() {
        assertThat(MultiRowInsert.texts(Arrays.asList("a", null, "c"))).containsExactly("a", null, "c");
        assertThat(MultiRowInsert.texts(List.of())).isEmpty();
        assertThat(MultiRowInsert.texts(null)).isNull();
    }

    @Test
    void eachColumnNeedsItsPlaceholder() {
        assertThatThrownBy(() -> new MultiRowInsert<String>("t", List.of("a", "b"), List.of("?"), (row, s) -> row.set(s)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
