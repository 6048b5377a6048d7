package com.privacyplatform.privacycenter.web;

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

    public FailurePage(@Location("error.html") Template error) {
        this.error = error;
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
        String title;
        String message;
        if (status == 401) {
            title = "Sign-in did not work";
            message = "The sign-in could not be completed or has expired. Please start again from the overview.";
        } else if (status == 403) {
            title = "Not allowed";
            message = "This is not possible with your account.";
        } else if (status == 413) {
            title = "Too much data";
            message = "What the form sent is too large.";
        } else if (status < 500) {
            title = "Request not valid";
            message = "This address does not accept what the browser sent. Go back and use the page's own forms.";
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.errorf(rc.failure(), "failure at the HTTP layer, reference %s", reference);
            title = "Something went wrong";
            message = "This page could not be shown. Nothing was changed. If it keeps happening, tell the platform's"
                    + " support the reference " + reference + ".";
        }
        rc.response().setStatusCode(status).putHeader("Content-Type", "text/html;charset=UTF-8")
                .end(ErrorPages.render(error, status, title, message, List.of(), null));
    }
}
