package com.privacyplatform.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The correlation id: an incoming one kept only when well-formed, else a fresh random UUID. */
class CorrelationIdsTest {

    /** The rule as it was written before it was checked in place (issue 19). */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    @Test
    void aFreshIdIsARandomVersion4UuidInItsCanonicalForm() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = CorrelationIds.sanitize(null);
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.toString()).isEqualTo(id);
            assertThat(id).hasSize(36).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(seen.add(id)).as("unique: %s", id).isTrue();
        }
        // every random bit moves: over 10,000 ids each hex digit outside version and variant takes many values
        for (int position : new int[] {0, 7, 9, 12, 15, 17, 20, 22, 24, 35}) {
            assertThat(seen.stream().map(id -> id.charAt(position)).distinct().count()).as("position %d", position)
                    .isEqualTo(16);
        }
    }

    @Test
    void aFreshIdIsItselfWellFormedAndSoKeptByTheServicesBehindTheGateway() {
        String id = CorrelationIds.sanitize("");
        assertThat(CorrelationIds.sanitize(id)).isSameAs(id);
    }

    @Test
    void anIncomingIdIsKeptExactlyWhenTheRegularExpressionOfTheRuleAcceptsIt() {
        List<String> candidates = new ArrayList<>(List.of("req-abcdef12", "a.b_c:d-e", "1234567", "12345678",
                "req 12345678", "req-1234\r\nX-Evil: 1", "ÄÖÜäöüß12345", "req-12345678\n", "\u0000abcdefgh", "",
                "x".repeat(128), "x".repeat(129), "x".repeat(127) + "/", "fast-limit", "0123456789abcdef"));
        for (char c = 0; c < 512; c++) {
            candidates.add("abcdefg" + c);
            candidates.add(c + "abcdefg");
            candidates.add("abc" + c + "defg");
        }
        candidates.add("abcdefg\uD83D\uDE00");
        for (String candidate : candidates) {
            boolean kept = CorrelationIds.sanitize(candidate).equals(candidate);
            assertThat(kept).as("%s", candidate.chars().boxed().toList())
                    .isEqualTo(WELL_FORMED.matcher(candidate).matches());
        }
        assertThat(CorrelationIds.sanitize("req 12345678")).matches("[0-9a-f-]{36}");
    }
}
