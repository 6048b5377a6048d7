package com.privacyplatform.commons.problem;

/**
 * The platform-wide kinds of problem, one {@code type} URI each. Services add their own kinds
 * (e.g. {@code out-of-scope}) through {@link ProblemException#of}; docs/problems.md lists all.
 */
public enum ProblemType {
    VALIDATION("validation", "Request validation failed", 400),
    MALFORMED_REQUEST("malformed-request", "Malformed request", 400),
    UNAUTHENTICATED("unauthenticated", "Authentication required", 401),
    FORBIDDEN("forbidden", "Not allowed for this caller", 403),
    NOT_FOUND("not-found", "Resource not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Representation not acceptable", 406),
    CONFLICT("conflict", "Conflict with the current state", 409),
    LENGTH_REQUIRED("length-required", "Length required", 411),
    PRECONDITION_FAILED("precondition-failed", "Precondition failed", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
    URI_TOO_LONG("uri-too-long", "Request target too long", 414),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    POLICY_VIOLATION("policy-violation", "Refused by a policy rule", 422),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency key reused with a different request", 422),
    RATE_LIMITED("rate-limited", "Too many requests", 429),
    HEADER_FIELDS_TOO_LARGE("header-fields-too-large", "Request header fields too large", 431),
    INTERNAL("internal", "Internal error", 500),
    SERVICE_UNAVAILABLE("service-unavailable", "Service temporarily unavailable", 503),
    DATABASE_UNAVAILABLE("database-unavailable", "Database temporarily unavailable", 503);

    public static final String BASE_URI = "https://privacy-platform.example/problems/";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return BASE_URI + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /** The generic kind for an HTTP status, used when a framework exception carries only a status. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != POLICY_VIOLATION && type != IDEMPOTENCY_KEY_REUSED
                    && type != VALIDATION) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}
