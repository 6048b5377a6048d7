package com.privacyplatform.gateway.web;

import com.privacyplatform.commons.http.PathShape;
import com.privacyplatform.commons.problem.CorrelationIds;
import com.privacyplatform.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.logging.Formatter;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;

/**
 * One line per API request on the logger {@code gateway.access}: method, path shape (every segment
 * that is not a word of the platform's paths replaced by {@code {id}}), status, duration, bytes,
 * correlation id, role and partner id. Never the query string, headers, tokens, bodies or subject ids.
 *
 * <p>The fields are the record's MDC entries (next to the request's {@code correlationId} and trace
 * ids), so the production profile's JSON line (quarkus-logging-json) holds them as fields of its
 * {@code mdc} object - {@code jq 'select(.loggerName == "gateway.access") | .mdc.status'} - and not as
 * a JSON text inside {@code message}; the message is the same facts as a readable line
 * ({@code GET /api/consents/{id} 200 3 ms 57 B role=partner partner=...}), which is what dev and test
 * show. The thread's MDC is left untouched: the entries are put on the record only.
 *
 * <p>The lines reach the standard output through a buffer of their own ({@link BufferedAccessLines},
 * {@code gateway.access-log.buffer-bytes}, {@code flush-interval}): formatted by the console's own
 * formatter, written when the buffer is full and at least every flush interval (default 1 s), and at
 * shutdown - not one write per request. Handlers added to the {@code gateway.access} logger itself
 * still get every record; the root logger's handlers do not (the console's output is this buffer).
 */
@ApplicationScoped
public class AccessLog {

    static final String LOGGER = "gateway.access";
    private static final Logger LOG = Logger.getLogger(LOGGER);

    private BufferedAccessLines buffered;
    private long flushTimer = -1;

    void start(@Observes StartupEvent start, GatewayConfig config, Vertx vertx) {
        int bytes = config.accessLog().bufferBytes();
        Formatter console = bytes > 0 ? BufferedAccessLines.consoleFormatter(Logger.getLogger("").getHandlers()) : null;
        if (console == null) {
            return; // written by the console handler, line by line (no console: wherever the root logger sends it)
        }
        buffered = new BufferedAccessLines(console, new FileOutputStream(FileDescriptor.out), bytes);
        LOG.addHandler(buffered);
        LOG.setUseParentHandlers(false);
        flushTimer = vertx.setPeriodic(Math.max(1, config.accessLog().flushInterval().toMillis()), id -> buffered.flush());
    }

    void stop(@Observes ShutdownEvent stop, Vertx vertx) {
        if (buffered == null) {
            return;
        }
        vertx.cancelTimer(flushTimer);
        LOG.setUseParentHandlers(true);
        LOG.removeHandler(buffered);
        buffered.flush();
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(-950).handler(rc -> {
            long start = System.nanoTime();
            rc.addBodyEndHandler(v -> log(rc, start));
            rc.next();
        });
    }

    private static void log(RoutingContext rc, long start) {
        if (!LOG.isLoggable(Level.INFO)) {
            return;
        }
        String role = null;
        String partnerId = null;
        CallerFacts facts = rc.get(CallerFacts.KEY); // read by ApiRoutes once the caller was known
        if (facts == null && rc.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            facts = CallerFacts.of(user.getSecurityIdentity());
        }
        if (facts != null) {
            role = facts.role();
            partnerId = facts.partnerIdText();
        }
        LOG.logRaw(record(rc.request().method().name(), PathShape.of(rc.request().path()),
                rc.response().getStatusCode(), (System.nanoTime() - start) / 1_000_000, rc.response().bytesWritten(),
                rc.request().getHeader(CorrelationIds.HEADER), role, partnerId));
    }

    /**
     * The access record: the readable line as its message, each field an MDC entry of the record
     * (on top of the current MDC); {@code null} values are left out.
     */
    static ExtLogRecord record(String method, String pathShape, int status, long durationMs, long bytesOut,
            String correlationId, String role, String partnerId) {
        StringBuilder message = new StringBuilder(128).append(method).append(' ').append(pathShape).append(' ')
                .append(status).append(' ').append(durationMs).append(" ms ").append(bytesOut).append(" B");
        if (role != null && !role.isEmpty()) {
            message.append(" role=").append(role);
        }
        if (partnerId != null) {
            message.append(" partner=").append(partnerId);
        }
        ExtLogRecord record = new ExtLogRecord(Level.INFO, message.toString(), ExtLogRecord.FormatStyle.NO_FORMAT,
                AccessLog.class.getName());
        record.putMdc("method", method);
        record.putMdc("path", pathShape);
        record.putMdc("status", Integer.toString(status));
        record.putMdc("durationMs", Long.toString(durationMs));
        record.putMdc("bytesOut", Long.toString(bytesOut));
        put(record, CorrelationIds.MDC_KEY, correlationId);
        put(record, "role", role);
        put(record, "partnerId", partnerId);
        return record;
    }

    private static void put(ExtLogRecord record, String key, String value) {
        if (value != null) {
            record.putMdc(key, value);
        }
    }
}
