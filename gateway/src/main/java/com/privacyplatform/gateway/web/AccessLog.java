package com.privacyplatform.gateway.web;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.privacyplatform.commons.http.PathShape;
import com.privacyplatform.commons.problem.CorrelationIds;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * One JSON line per API request on the logger {@code gateway.access}: time (UTC, milliseconds),
 * method, path shape (ids replaced by {@code {id}}), status, duration, bytes, correlation id, role
 * and partner id. Never the query string, headers, tokens, bodies or subject ids.
 *
 * <p>On the hot path of every request: the line is written straight into a {@link StringBuilder}
 * (strings quoted by Jackson's encoder, no JSON tree), and the time's date-and-second part is
 * formatted once per second, not once per line.
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("gateway.access");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /** The formatted second of the last line: {@code epochSecond} -> {@code text}. */
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second second = new Second(Long.MIN_VALUE, "");

    void register(@Observes Router router) {
        router.route("/api/*").order(-950).handler(rc -> {
            long start = System.nanoTime();
            rc.addBodyEndHandler(v -> log(rc, start));
            rc.next();
        });
    }

    private static void log(RoutingContext rc, long start) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String role = null;
        String partnerId = null;
        if (rc.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            var identity = user.getSecurityIdentity();
            role = firstRole(identity.getRoles());
            if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("partner_id") != null) {
                partnerId = jwt.getClaim("partner_id").toString().replace("\"", "");
            }
        }
        LOG.info(line(System.currentTimeMillis(), rc.request().method().name(), PathShape.of(rc.request().path()),
                rc.response().getStatusCode(), (System.nanoTime() - start) / 1_000_000, rc.response().bytesWritten(),
                rc.request().getHeader(CorrelationIds.HEADER), role, partnerId));
    }

    /** The alphabetically first role (as before: one role per line, stable whatever the set's order). */
    private static String firstRole(java.util.Set<String> roles) {
        String first = null;
        for (String role : roles) {
            if (first == null || role.compareTo(first) < 0) {
                first = role;
            }
        }
        return first == null ? "" : first;
    }

    /** The JSON line; {@code null} values are left out, as Jackson's tree left out what was never put. */
    static String line(long epochMillis, String method, String pathShape, int status, long durationMs, long bytesOut,
            String correlationId, String role, String partnerId) {
        StringBuilder out = new StringBuilder(256).append("{\"time\":\"");
        time(out, epochMillis);
        out.append("\",\"method\":");
        string(out, method);
        out.append(",\"path\":");
        string(out, pathShape);
        out.append(",\"status\":").append(status).append(",\"durationMs\":").append(durationMs)
                .append(",\"bytesOut\":").append(bytesOut).append(",\"correlationId\":");
        string(out, correlationId);
        if (role != null) {
            out.append(",\"role\":");
            string(out, role);
        }
        if (partnerId != null) {
            out.append(",\"partnerId\":");
            string(out, partnerId);
        }
        return out.append('}').toString();
    }

    private static void time(StringBuilder out, long epochMillis) {
        long epochSecond = Math.floorDiv(epochMillis, 1000L);
        Second s = second;
        if (s.epochSecond() != epochSecond) {
            s = new Second(epochSecond, SECOND.format(Instant.ofEpochSecond(epochSecond)));
            second = s;
        }
        int millis = (int) Math.floorMod(epochMillis, 1000L);
        out.append(s.text()).append('.').append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                .append((char) ('0' + millis % 10)).append('Z');
    }

    private static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, out);
        out.append('"');
    }
}
