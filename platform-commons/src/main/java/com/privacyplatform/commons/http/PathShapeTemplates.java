package com.privacyplatform.commons.http;

import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * No HTTP metric label holds a raw path (issue 17.2): Quarkus' Micrometer binder names a request by
 * the request context's {@code UrlPathTemplate}, which a REST endpoint sets when it matches; a request
 * answered before any endpoint matched (401 or 403 from authentication, a proxied route in the gateway)
 * would otherwise be recorded with its path as it came, ids and subject ids included. This sets the
 * path's {@link PathShape} first, for every request; a matching endpoint replaces it with its template.
 */
@ApplicationScoped
public class PathShapeTemplates {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(rc -> {
            ((HttpServerRequestInternal) rc.request()).context().putLocal("UrlPathTemplate",
                    PathShape.of(rc.request().path()));
            rc.next();
        });
    }
}
