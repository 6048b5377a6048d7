package com.privacyplatform.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one rule of text query parameters: blank is absent, a bad value is a 400 naming the parameter. */
class QueryParamsTest {

    enum Colour { RED, GREEN }

    @Test
    void aBlankParameterIsTheSameAsNoneWhateverItsType() {
        assertThat(QueryParams.bool("overdue", " ")).isNull();
        assertThat(QueryParams.bool("overdue", null)).isNull();
        assertThat(QueryParams.enumOf("status", "", Colour.class)).isNull();
        assertThat(QueryParams.uuid("partnerId", "  ")).isNull();
        assertThat(QueryParams.text(" ")).isNull();
    }

    @Test
    void valuesParseStrictlyAfterStripping() {
        assertThat(QueryParams.bool("overdue", " true ")).isTrue();
        assertThat(QueryParams.bool("overdue", "false")).isFalse();
        assertThat(QueryParams.enumOf("status", "GREEN", Colour.class)).isEqualTo(Colour.GREEN);
        UUID id = UUID.randomUUID();
        assertThat(QueryParams.uuid("partnerId", id.toString())).isEqualTo(id);
        assertThat(QueryParams.text(" shop ")).isEqualTo("shop");
    }

    @Test
    void aBadValueIsAValidationProblemNamingTheParameter() {
        for (Runnable bad : new Runnable[] {() -> QueryParams.bool("overdue", "yes"),
            () -> QueryParams.enumOf("status", "green", Colour.class), () -> QueryParams.uuid("partnerId", "x")}) {
            assertThatThrownBy(bad::run).isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.problem().status()).isEqualTo(400);
                assertThat(e.problem().errors()).hasSize(1);
            });
        }
        assertThatThrownBy(() -> QueryParams.enumOf("status", "BLUE", Colour.class))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().errors().get(0).message())
                        .isEqualTo("must be one of RED, GREEN"));
    }
}
