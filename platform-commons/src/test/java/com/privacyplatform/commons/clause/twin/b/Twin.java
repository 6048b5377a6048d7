package com.privacyplatform.commons.clause.twin.b;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.api.clause.Verifies;

/** ClauseIndexTest's fixture: two tagged classes share the simple name Twin, so "Twin#rule" is ambiguous. */
public class Twin {

    @Enforces("3.2.b")
    void rule() {
    }

    @Verifies(value = "3.2.b", exercises = "Twin#rule")
    void namesTheAmbiguousTwin() {
    }
}
