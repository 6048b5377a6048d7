package com.privacyplatform.commons.problem;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = sanitize(rc.request().getHeader(HEADER));
            rc.request().headers().set(HEADER, id);
            rc.response().putHeader(HEADER, id);
            MDC.put(MDC_KEY, id);
            rc.next();
        }, 1000);
    }

    /**
     * Keeps a well-formed incoming id ({@code [A-Za-z0-9._:-]{8,128}}: no header injection, bounded
     * length), else a new one.
     */
    public static String sanitize(String incoming) {
        if (wellFormed(incoming)) {
            return incoming;
        }
        return fresh();
    }

    /** {@code [A-Za-z0-9._:-]{8,128}}, checked in place (once per request, issue 19). */
    static boolean wellFormed(String id) {
        if (id == null || id.length() < MIN_LENGTH || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * A random (version 4, IETF variant) UUID, as {@link UUID#randomUUID()} makes, but from the
     * thread's {@link ThreadLocalRandom} instead of the shared {@code SecureRandom}: a correlation id
     * has to be unique, not unguessable - it is no secret, it is echoed to the caller and written to
     * every log line (issue 19: {@code SecureRandom} was ~2 % of the gateway's CPU per request).
     */
    static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long least = (random.nextLong() & ~(0xC000000000000000L)) | 0x8000000000000000L; // variant 10
        return new UUID(most, least).toString();
    }
}
