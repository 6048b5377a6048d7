package com.privacyplatform.commons.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by services to answer with a problem+json; mapped by {@link ProblemMappers}.
 * No stack trace is filled in: it is an answer, not a failure.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** A service-specific kind of problem, e.g. {@code of(422, "out-of-scope", "Purpose outside...", detail)}. */
    public static ProblemException of(int status, String slug, String title, String detail) {
        return new ProblemException(
                new Problem(ProblemType.BASE_URI + slug, title, status, detail, null, null, null, null), null);
    }

    public static ProblemException of(ProblemType type, String detail) {
        return new ProblemException(
                new Problem(type.uri(), type.title(), type.status(), detail, null, null, null, null), null);
    }

    /** A policy rule refused the request: 422 naming the clause (e.g. {@code 3.1.c}). */
    public static ProblemException policy(String clause, String slug, String title, String detail,
            List<Problem.FieldError> errors) {
        return new ProblemException(new Problem(ProblemType.BASE_URI + slug, title, 422, detail, null, clause, null,
                errors == null || errors.isEmpty() ? null : List.copyOf(errors)), null);
    }

    public static ProblemException validation(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400,
                detail, null, null, null, List.copyOf(errors)), null);
    }

    public static ProblemException notFound(String detail) {
        return of(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException forbidden(String detail) {
        return of(ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException conflict(String detail) {
        return of(ProblemType.CONFLICT, detail);
    }

    public static ProblemException preconditionFailed(String detail) {
        return of(ProblemType.PRECONDITION_FAILED, detail);
    }

    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        Problem problem = new Problem(ProblemType.RATE_LIMITED.uri(), ProblemType.RATE_LIMITED.title(), 429, detail,
                null, null, null, null);
        return new ProblemException(problem, Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }
}
