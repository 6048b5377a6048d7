package com.privacyplatform.commons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import com.privacyplatform.commons.problem.ProblemException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorsTest {

    @Test
    void aCompositeCursorRoundTrips() {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-26T01:02:03.123456Z");
        UUID id = UUID.randomUUID();
        Cursors.TimeAndId decoded = Cursors.decodeTimeAndId(Cursors.encode(Cursors.timeAndId(at, id)));
        assertThat(decoded.at()).isEqualTo(at);
        assertThat(decoded.id()).isEqualTo(id);
        assertThat(Cursors.decodeTimeAndId(null)).isNull();
        assertThat(Cursors.decodeUuid(Cursors.encode(id.toString()))).isEqualTo(id);
    }

    @Test
    void malformedCursorsAreValidationProblemsNamingTheCursor() {
        for (String bad : new String[] {"%%%", Cursors.encode("only-one-part"), Cursors.encode("x|y"),
                Cursors.encode("2026-11-26T01:02:03Z|not-a-uuid")}) {
            assertThatThrownBy(() -> Cursors.decodeTimeAndId(bad)).isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(400))
                    .satisfies(e -> assertThat(((ProblemException) e).problem().errors().get(0).field())
                            .isEqualTo("cursor"));
        }
        assertThatThrownBy(() -> Cursors.decodeUuid(Cursors.encode("nope"))).isInstanceOf(ProblemException.class);
    }

    @Test
    void limitsAreBoundedAndPagesCarryTheNextCursor() {
        assertThat(Cursors.limit(null)).isEqualTo(50);
        assertThatThrownBy(() -> Cursors.limit(0)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Cursors.limit(501)).isInstanceOf(ProblemException.class);
        Page<Integer> page = Cursors.page(List.of(1, 2, 3), 2, String::valueOf);
        assertThat(page.items()).containsExactly(1, 2);
        assertThat(Cursors.decode(page.nextCursor())).isEqualTo("2");
        assertThat(Cursors.page(List.of(1, 2), 2, String::valueOf).nextCursor()).isNull();
    }

    @Test
    void aPageMapsItsItemsToViewsAndKeepsItsCursor() {
        Page<Integer> page = Cursors.page(List.of(1, 2, 3), 2, String::valueOf);
        Page<String> views = page.map(i -> "item " + i);
        assertThat(views.items()).containsExactly("item 1", "item 2");
        assertThat(views.nextCursor()).isEqualTo(page.nextCursor());
        assertThat(Cursors.page(List.of(1), 2, String::valueOf).map(String::valueOf).nextCursor()).isNull();
    }
}
