package com.privacyplatform.gateway.web;

import com.privacyplatform.api.transport.RefusedBody;
import com.privacyplatform.api.transport.TransportCheck;
import com.privacyplatform.api.transport.TransportLimits;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;

/**
 * The transport limits on the web pages for people ({@code /privacy/**}): the same limits as
 * everywhere (platform-commons' TransportProblems answers every other path with problem+json), but a
 * person's browser gets a page in words, as when the privacy center is down ({@code WebProxy}).
 */
@ApplicationScoped
public class WebTransportPage {

    private final TransportLimits limits;

    public WebTransportPage(TransportLimits limits) {
        this.limits = limits;
    }

    void register(@Observes Router router) {
        // after the security headers (-900), before TransportProblems (-890) would answer with JSON
        router.route().order(-895).handler(this::check);
    }

    void check(RoutingContext rc) {
        String path = rc.request().path();
        if (path == null || !(path.equals(WebRoutes.PREFIX) || path.startsWith(WebRoutes.PREFIX + "/"))) {
            rc.next();
            return;
        }
        Optional<TransportCheck.Refusal> refusal = TransportCheck.check(limits, rc.request().uri(),
                rc.request().headers());
        if (refusal.isEmpty()) {
            rc.next();
            return;
        }
        int status = refusal.get().status();
        if (status == 411 || status == 413) {
            RefusedBody.drainThenClose(rc.vertx(), rc.request());
        }
        rc.response().setStatusCode(status).putHeader("Content-Type", "text/html;charset=UTF-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .end(page(status));
    }

    static String page(int status) {
        String title;
        String message;
        switch (status) {
            case 414 -> {
                title = "Address too long";
                message = "This address is too long to be opened. Go back and use the privacy center's own links.";
            }
            case 431 -> {
                title = "Too much sent with the page request";
                message = "Your browser sent more than the privacy center accepts with a request, often too many"
                        + " or too large cookies. Delete this site's cookies, then sign in again.";
            }
            case 413 -> {
                title = "Too much data";
                message = "What the form sent is too large. Nothing was changed.";
            }
            default -> {
                title = "Request not valid";
                message = "This address does not accept what the browser sent. Go back and use the page's own"
                        + " forms.";
            }
        }
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + "</title></head><body><main><h1>" + title + "</h1><p>" + message
                + "</p></main></body></html>";
    }
}
