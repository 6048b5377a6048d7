package com.privacyplatform.privacycenter.web;

import com.privacyplatform.api.transport.TransportCheck;
import com.privacyplatform.api.transport.TransportLimits;
import com.privacyplatform.privacycenter.i18n.Languages;
import com.privacyplatform.privacycenter.i18n.Preferences;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;

/**
 * The platform's transport limits (platform-api's TransportLimits: address length, header fields,
 * body size) checked before sign-in or any page runs, answered with the error page in words - the
 * HTTP layer would otherwise answer bare. Its own hard limits (application.properties) lie above.
 */
@ApplicationScoped
public class TransportPage {

    private static final long DRAIN_BYTES = 16L * 1024 * 1024;
    private static final long DRAIN_MILLIS = 10_000;

    private final TransportLimits limits;
    private final Template error;
    private final Languages languages;

    public TransportPage(TransportLimits limits, @Location("error.html") Template error, Languages languages) {
        this.limits = limits;
        this.error = error;
        this.languages = languages;
    }

    void register(@Observes Router router) {
        // right after the security headers (-100) and the failure page (-99)
        router.route().order(-98).handler(this::check);
    }

    void check(RoutingContext rc) {
        Optional<TransportCheck.Refusal> refusal = TransportCheck.check(limits, rc.request().uri(),
                rc.request().headers());
        if (refusal.isEmpty()) {
            rc.next();
            return;
        }
        int status = refusal.get().status();
        Words w = Preferences.words(languages, rc);
        String key = switch (status) {
            case 414 -> "error.addressTooLong";
            case 431 -> "error.headersTooLarge";
            case 413 -> "error.tooMuch";
            default -> "error.invalid";
        };
        String title = w.t(key + ".title");
        String message = w.t(key + ".message");
        if (status == 411 || status == 413) {
            drainThenClose(rc);
        }
        rc.response().setStatusCode(status).putHeader("Content-Type", "text/html;charset=UTF-8")
                .end(ErrorPages.render(error, w, status, title, message, List.of(), null));
    }

    /**
     * The refused body is read and dropped (a browser that sends its whole form before reading would
     * otherwise see a reset connection instead of the page), then the connection closes: when the
     * body ends, after 16 MiB or after 10 s (as platform-commons' TransportProblems does).
     */
    private static void drainThenClose(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (request.version() == HttpVersion.HTTP_2) {
            return; // the stream ends; the connection serves other streams
        }
        rc.response().putHeader("Connection", "close");
        Runnable close = () -> request.connection().close();
        boolean[] done = {false, request.isEnded()}; // answer written, body ended
        Runnable closeWhenDone = () -> {
            if (done[0] && done[1]) {
                close.run();
            }
        };
        rc.response().endHandler(v -> {
            done[0] = true;
            closeWhenDone.run();
        });
        if (done[1]) {
            return;
        }
        long timer = rc.vertx().setTimer(DRAIN_MILLIS, id -> close.run());
        long[] dropped = {0};
        request.handler(chunk -> {
            dropped[0] += chunk.length();
            if (dropped[0] > DRAIN_BYTES) {
                rc.vertx().cancelTimer(timer);
                close.run();
            }
        });
        request.endHandler(v -> {
            rc.vertx().cancelTimer(timer);
            done[1] = true;
            closeWhenDone.run();
        });
        request.resume();
    }
}
