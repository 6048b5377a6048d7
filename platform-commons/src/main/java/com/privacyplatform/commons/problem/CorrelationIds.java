package com.privacyplatform.commons.problem;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request a correlation id: the caller's (gateway's) {@code X-Request-Id} when it is
 * well-formed, a fresh UUID otherwise. It is set on the request (so handlers and problem bodies
 * see it), echoed on the response and put in the log MDC - logs carry it instead of personal data.
 */
@ApplicationScoped
public class CorrelationIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "correlationId";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = sanitize(rc.request().getHeader(HEADER));
            rc.request().headers().set(HEADER, id);
            rc.response().putHeader(HEADER, id);
            MDC.put(MDC_KEY, id);
            rc.next();
        }, 1000);
    }

    /** Keeps a well-formed incoming id (no header injection, bounded length), else a new one. */
    public static String sanitize(String incoming) {
        if (incoming != null && WELL_FORMED.matcher(incoming).matches()) {
            return incoming;
        }
        return UUID.randomUUID().toString();
    }
}
