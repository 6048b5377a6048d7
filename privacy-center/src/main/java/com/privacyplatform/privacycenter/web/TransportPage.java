package com.privacyplatform.privacycenter.web;

import com.privacyplatform.api.transport.RefusedBody;
import com.privacyplatform.api.transport.TransportCheck;
import com.privacyplatform.api.transport.TransportLimits;
import com.privacyplatform.privacycenter.i18n.Languages;
import com.privacyplatform.privacycenter.i18n.Preferences;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
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
            RefusedBody.drainThenClose(rc.vertx(), rc.request()); // read and dropped, then the connection closes
        }
        rc.response().setStatusCode(status).putHeader("Content-Type", "text/html;charset=UTF-8")
                .end(ErrorPages.render(error, w, status, title, message, List.of(), null));
    }
}
