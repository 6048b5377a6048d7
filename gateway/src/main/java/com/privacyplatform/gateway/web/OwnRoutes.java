package com.privacyplatform.gateway.web;

import com.privacyplatform.commons.http.MediaRanges;
import com.privacyplatform.commons.problem.ProblemType;
import com.privacyplatform.gateway.guard.ProjectionView;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * The gateway's own JSON endpoints answer GET only: any other method is a 405 problem with
 * {@code Allow: GET} (without this the request would reach the route guard, which looks for a
 * backend), and an {@code Accept} that excludes JSON is a 406 problem. Paths it forwards get both
 * answers from the service behind them.
 */
@ApplicationScoped
public class OwnRoutes {

    static final List<String> JSON_GET_PATHS = List.of("/api/openapi.json", ProjectionView.PATH);

    void register(@Observes Router router) {
        // after the transport limits, before the endpoints themselves (order 0) and the guard (10)
        JSON_GET_PATHS.forEach(path -> router.route(path).order(-1).handler(this::check));
    }

    void check(RoutingContext rc) {
        if (rc.request().method() != HttpMethod.GET) {
            rc.response().putHeader("Allow", "GET");
            Problems.send(rc, ProblemType.METHOD_NOT_ALLOWED, "only GET is supported on this path; allowed: GET");
        } else if (!MediaRanges.accepts(rc.request().getHeader("Accept"), "application/json")) {
            Problems.send(rc, ProblemType.NOT_ACCEPTABLE, "this path produces application/json only");
        } else {
            rc.next();
        }
    }
}
