package com.privacyplatform.commons.problem;

import com.privacyplatform.api.transport.RefusedBody;
import com.privacyplatform.api.transport.TransportCheck;
import com.privacyplatform.api.transport.TransportLimits;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;

/**
 * The platform's transport limits ({@link TransportLimits}: request-target length, header fields,
 * body size) enforced before any other route - authentication included - with a problem+json
 * answer: 414 {@code uri-too-long}, 431 {@code header-fields-too-large}, 413
 * {@code payload-too-large}, 411 {@code length-required}. The HTTP layer's own limits
 * ({@code quarkus.http.limits.*}, set in this library's microprofile-config.properties) lie above
 * these, so only requests far beyond them get the HTTP layer's bare answer.
 */
@ApplicationScoped
public class TransportProblems {

    /** Right after {@link CorrelationIds} (1000): the refusal carries the request's correlation id. */
    static final int PRIORITY = 890;

    private final TransportLimits limits;

    public TransportProblems(TransportLimits limits) {
        this.limits = limits;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext rc) {
        Optional<TransportCheck.Refusal> refusal = TransportCheck.check(limits, rc.request().uri(),
                rc.request().headers());
        if (refusal.isEmpty()) {
            rc.next();
            return;
        }
        int status = refusal.get().status();
        // a 414's path is what was too long: the problem names no instance rather than echo it
        send(rc, ProblemType.forStatus(status), refusal.get().detail(), status != 414);
    }

    /**
     * Writes a problem+json answer at the Vert.x level (outside JAX-RS). A refused body is dropped
     * and the connection closed ({@link RefusedBody}).
     */
    public static void send(RoutingContext rc, ProblemType type, String detail, boolean withInstance) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        JsonObject body = new JsonObject().put("type", type.uri()).put("title", type.title())
                .put("status", type.status()).put("detail", detail);
        if (withInstance) {
            body.put("instance", rc.request().path());
        }
        body.put("correlationId", rc.request().getHeader(CorrelationIds.HEADER));
        rc.response().setStatusCode(type.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (type.status() == 411 || type.status() == 413) {
            RefusedBody.drainThenClose(rc.vertx(), rc.request());
        }
        rc.response().end(body.encode());
    }
}
