package com.privacyplatform.privacycenter.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Security headers on every answer (3.4.b): a strict Content-Security-Policy - no script at all,
 * styles and images only from this application, forms only to itself and to the platform's
 * sign-in server - and no caching of pages that show personal information.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final String policy;

    public SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        this.policy = "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; font-src 'self';"
                + " connect-src 'none'; form-action 'self' " + origin(authServerUrl) + "; frame-ancestors 'none';"
                + " base-uri 'none'; object-src 'none'";
    }

    /** Only the origin: a form posted to a page that redirects to sign-in must still be allowed. */
    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    public String policy() {
        return policy;
    }

    void register(@Observes Router router) {
        router.route().order(-100).handler(this::headers);
    }

    void headers(RoutingContext rc) {
        rc.addHeadersEndHandler(v -> {
            var headers = rc.response().headers();
            headers.set("Content-Security-Policy", policy);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Cross-Origin-Opener-Policy", "same-origin");
            headers.set("Cross-Origin-Resource-Policy", "same-origin");
            headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
            if (!rc.request().path().contains("/assets/")) {
                headers.set("Cache-Control", "no-store");
            }
        });
        rc.next();
    }
}
