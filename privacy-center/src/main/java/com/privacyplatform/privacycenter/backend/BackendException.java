package com.privacyplatform.privacycenter.backend;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * A service answered with an error, or could not be reached (status 0). Carries only what the
 * service's problem+json said in words (title, detail, field messages), never its raw body.
 */
public class BackendException extends RuntimeException {

    private final String service;
    private final int status;
    private final String title;
    private final String detail;
    private final String clause;
    private final List<String> fieldMessages;
    private final boolean localized;

    public BackendException(String service, int status, String title, String detail, String clause,
            List<String> fieldMessages) {
        this(service, status, title, detail, clause, fieldMessages, false);
    }

    /** @param localized true when title and detail are the privacy center's own words in the person's language */
    public BackendException(String service, int status, String title, String detail, String clause,
            List<String> fieldMessages, boolean localized) {
        super(service + " answered " + status + (title == null ? "" : ": " + title));
        this.service = service;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.clause = clause;
        this.fieldMessages = fieldMessages == null ? List.of() : fieldMessages;
        this.localized = localized;
    }

    public boolean localized() {
        return localized;
    }

    public static BackendException unreachable(String service) {
        return new BackendException(service, 0, null, null, null, List.of());
    }

    public String service() {
        return service;
    }

    /** The service's HTTP status; 0 when it could not be reached at all. */
    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public String clause() {
        return clause;
    }

    public List<String> fieldMessages() {
        return fieldMessages;
    }

    public boolean unreachable() {
        return status == 0 || status == 502 || status == 503 || status == 504;
    }

    /** The parts of an RFC 9457 problem the page may show. */
    @RegisterForReflection
    public record Problem(String type, String title, Integer status, String detail, String clause,
            List<FieldError> errors) {
    }

    @RegisterForReflection
    public record FieldError(String field, String message) {
    }
}
