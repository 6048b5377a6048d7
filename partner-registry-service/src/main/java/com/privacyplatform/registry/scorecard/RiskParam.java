package com.privacyplatform.registry.scorecard;

import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import java.util.List;

/** Parses a risk level from a query parameter or cursor; unknown values are a 400. */
final class RiskParam {

    private RiskParam() {
    }

    static RiskLevel level(String value, String field) {
        try {
            return RiskLevel.valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.validation("invalid " + field, List.of(new Problem.FieldError(field,
                    "cursor".equals(field) ? "is not a cursor returned by this API"
                            : "must be one of LOW, MEDIUM, HIGH, CRITICAL")));
        }
    }
}
