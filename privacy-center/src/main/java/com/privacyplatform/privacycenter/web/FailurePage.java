package com.privacyplatform.privacycenter.web;

import com.privacyplatform.privacycenter.i18n.Languages;
import com.privacyplatform.privacycenter.i18n.Preferences;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Failures outside the pages' own code (a sign-in callback Keycloak refused, a body too large, an
 * unexpected error in the HTTP layer): the same error page, never Quarkus' JSON error body.
 */
@ApplicationScoped
public class FailurePage {

    private static final Logger LOG = Logger.getLogger(FailurePage.class);

    private final Template error;
    private final Languages languages;

    public FailurePage(@Location("error.html") Template error, Languages languages) {
        this.error = error;
        this.languages = languages;
    }

    void register(@Observes Router router) {
        router.route().order(-99).failureHandler(this::failure);
    }

    void failure(RoutingContext rc) {
        // sign-in redirects and challenges travel as failures: Quarkus' security layer answers them
        if (rc.response().headWritten() || rc.failure() != null
                && rc.failure().getClass().getName().startsWith("io.quarkus.security.")) {
            rc.next();
            return;
        }
        int status = rc.statusCode() < 400 ? 500 : rc.statusCode();
        Words w = Preferences.words(languages, rc);
        String title;
        String message;
        if (status == 401) {
            title = w.t("error.signIn.title");
            message = w.t("error.signIn.message");
        } else if (status == 403) {
            title = w.t("error.forbidden.title");
            message = w.t("error.forbidden.message");
        } else if (status == 413) {
            title = w.t("error.tooMuch.title");
            message = w.t("error.tooMuch.message");
        } else if (status < 500) {
            title = w.t("error.invalid.title");
            message = w.t("error.invalid.message");
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.errorf(rc.failure(), "failure at the HTTP layer, reference %s", reference);
            title = w.t("error.failed.title");
            message = w.t("error.unexpected.message", reference);
        }
        rc.response().setStatusCode(status).putHeader("Content-Type", "text/html;charset=UTF-8")
                .end(ErrorPages.render(error, w, status, title, message, List.of(), null));
    }
}
