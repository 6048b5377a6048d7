package com.privacyplatform.gateway.web;

import com.privacyplatform.api.clause.Enforces;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Security headers on every answer that leaves the gateway (3.4.b-c). */
@ApplicationScoped
public class ResponseHeaders {

    @Enforces({"3.4.b", "3.4.c"})
    void register(@Observes Router router) {
        router.route().order(-900).handler(rc -> {
            rc.addHeadersEndHandler(v -> {
                var headers = rc.response().headers();
                headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "no-referrer");
                headers.remove("Server");
                if (rc.request().path().startsWith("/api/")) {
                    headers.set("Cache-Control", "no-store");
                    headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
                }
            });
            rc.next();
        });
    }
}
