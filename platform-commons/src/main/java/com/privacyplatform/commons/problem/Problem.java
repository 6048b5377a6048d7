package com.privacyplatform.commons.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * RFC 9457 problem details, the one error body of every service (API-CONVENTIONS.md "Errors").
 * {@code clause} names the policy clause when a policy rule refused the request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String clause,
        String correlationId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One failing input field; {@code field} is a JSON path such as {@code purposes[1].purpose}. */
    public record FieldError(String field, String message) {
    }

    Problem withContext(String instance, String correlationId) {
        return new Problem(type, title, status, detail, instance, clause, correlationId, errors);
    }
}
