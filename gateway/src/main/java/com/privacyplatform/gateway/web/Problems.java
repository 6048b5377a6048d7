package com.privacyplatform.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.commons.problem.CorrelationIds;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemType;
import io.vertx.ext.web.RoutingContext;

/** Writes RFC 9457 problems for answers the gateway gives itself (the services write their own). */
public final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static void send(RoutingContext rc, ProblemType type, String detail) {
        send(rc, new Problem(type.uri(), type.title(), type.status(), detail, null, null, null, null));
    }

    public static void send(RoutingContext rc, int status, String slug, String title, String detail, String clause) {
        send(rc, new Problem(ProblemType.BASE_URI + slug, title, status, detail, null, clause, null, null));
    }

    public static void send(RoutingContext rc, Problem problem) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        Problem full = new Problem(problem.type(), problem.title(), problem.status(), problem.detail(),
                rc.request().path(), problem.clause(), rc.request().getHeader(CorrelationIds.HEADER), problem.errors());
        String body;
        try {
            body = JSON.writeValueAsString(full);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + "}";
        }
        if (problem.status() == 401) {
            rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"privacy\"");
        }
        rc.response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(body);
    }
}
