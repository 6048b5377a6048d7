package com.privacyplatform.commons.db;

import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.problem.ProblemType;
import java.util.Map;

/**
 * The database connection was lost (or could not be had) while serving a request: a 503
 * {@code database-unavailable} problem with {@code Retry-After}, whose detail says whether anything
 * may have changed. Keeps the original failure as its cause for logs; the body never shows it.
 */
public final class DatabaseUnavailableException extends ProblemException {

    /** Seconds a client waits before retrying: a restarted or failed-over database is back within seconds. */
    public static final int RETRY_AFTER_SECONDS = 2;

    /** What the client may assume about the request's changes. */
    public enum Outcome {
        /** The failure came before any COMMIT was sent: the server rolled the transaction back. */
        NOT_APPLIED("the database connection was lost; nothing was changed. Retry after the Retry-After delay."),
        /** The failure came at or after COMMIT: the change may or may not have been applied. */
        UNKNOWN("the database connection was lost while the change was being committed, so its outcome is unknown."
                + " Retry with the same Idempotency-Key: the retry returns the first answer if the change was applied,"
                + " and applies it once if it was not.");

        private final String detail;

        Outcome(String detail) {
            this.detail = detail;
        }
    }

    private final transient Throwable original;
    private final Outcome outcome;

    public DatabaseUnavailableException(Outcome outcome, Throwable original) {
        super(new Problem(ProblemType.DATABASE_UNAVAILABLE.uri(), ProblemType.DATABASE_UNAVAILABLE.title(),
                ProblemType.DATABASE_UNAVAILABLE.status(), outcome.detail, null, null, null, null),
                Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)));
        this.outcome = outcome;
        this.original = original;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The lost connection's own failure (the problem body never shows it). */
    @Override
    public synchronized Throwable getCause() {
        return original;
    }
}
