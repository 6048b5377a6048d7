package com.privacyplatform.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.privacyplatform.commons.problem.CorrelationIds;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * One JSON line per API request on the logger {@code gateway.access}: method, path shape (ids
 * replaced by {@code {id}}), status, duration, bytes, role, partner id and correlation id. Never
 * the query string, headers, tokens, bodies or subject ids.
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("gateway.access");
    private static final ObjectMapper JSON = new ObjectMapper();

    void register(@Observes Router router) {
        router.route("/api/*").order(-950).handler(rc -> {
            long start = System.nanoTime();
            rc.addBodyEndHandler(v -> log(rc, start));
            rc.next();
        });
    }

    private static void log(RoutingContext rc, long start) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", Instant.now().toString());
        line.put("method", rc.request().method().name());
        line.put("path", AccessLogShape.of(rc.request().path()));
        line.put("status", rc.response().getStatusCode());
        line.put("durationMs", (System.nanoTime() - start) / 1_000_000);
        line.put("bytesOut", rc.response().bytesWritten());
        line.put("correlationId", rc.request().getHeader(CorrelationIds.HEADER));
        if (rc.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            var identity = user.getSecurityIdentity();
            line.put("role", identity.getRoles().stream().sorted().findFirst().orElse(""));
            if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("partner_id") != null) {
                line.put("partnerId", jwt.getClaim("partner_id").toString().replace("\"", ""));
            }
        }
        LOG.info(line.toString());
    }
}
