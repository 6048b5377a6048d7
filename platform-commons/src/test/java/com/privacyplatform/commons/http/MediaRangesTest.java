package com.privacyplatform.commons.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaRangesTest {

    private static final String JSON = "application/json";

    @Test
    void noHeaderOrAnyMatchingRangeAdmits() {
        assertThat(MediaRanges.accepts(null, JSON)).isTrue();
        assertThat(MediaRanges.accepts(" ", JSON)).isTrue();
        assertThat(MediaRanges.accepts("*/*", JSON)).isTrue();
        assertThat(MediaRanges.accepts("application/*;q=0.5", JSON)).isTrue();
        assertThat(MediaRanges.accepts("text/html, Application/JSON;q=0.9", JSON)).isTrue();
    }

    @Test
    void otherTypesOrAZeroWeightExclude() {
        assertThat(MediaRanges.accepts("text/html", JSON)).isFalse();
        assertThat(MediaRanges.accepts("application/xml, text/*", JSON)).isFalse();
        assertThat(MediaRanges.accepts("application/json;q=0", JSON)).isFalse();
        // the most specific range decides: JSON excluded although anything else is welcome
        assertThat(MediaRanges.accepts("*/*, application/json; q=0", JSON)).isFalse();
        assertThat(MediaRanges.accepts("application/*;q=0, application/json", JSON)).isTrue();
    }
}
