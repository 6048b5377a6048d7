package com.privacyplatform.privacycenter.web;

import com.privacyplatform.privacycenter.backend.BackendException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure becomes a page in words: what happened and what the person can do. Never a raw
 * service answer, an exception name or a stack trace.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private final Template error;
    private final SecurityIdentity identity;

    public ErrorPages(@Location("error.html") Template error, SecurityIdentity identity) {
        this.error = error;
        this.identity = identity;
    }

    @ServerExceptionMapper
    public Response backend(BackendException e) {
        String service = BackendWords.service(e.service());
        if (e.unreachable()) {
            LOG.warnf("%s not reachable (status %d)", e.service(), e.status());
            return page(503, "Temporarily unavailable", "The " + service + " cannot be reached right now, so this"
                    + " page cannot show your information. Nothing was changed. Please try again in a few minutes.",
                    List.of()).header("Retry-After", "30").build();
        }
        if (e.status() == 401) {
            return page(401, "Please sign in again", "Your session with the " + service + " has expired.", List.of())
                    .build();
        }
        if (e.status() == 404) {
            return page(404, "Not found", "There is nothing here for your account: it does not exist or belongs to"
                    + " someone else.", List.of()).build();
        }
        if (e.status() >= 500) {
            LOG.warnf("%s answered %d", e.service(), e.status());
            return page(502, "Something went wrong", "The " + service + " could not complete this. Nothing was"
                    + " changed by this page. Please try again later.", List.of()).build();
        }
        return page(e.status(), BackendWords.title(e), BackendWords.detail(e), e.fieldMessages()).build();
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("a service could not be reached: %s", e.getMessage());
        return page(503, "Temporarily unavailable", "A service of the platform cannot be reached right now. Nothing"
                + " was changed. Please try again in a few minutes.", List.of()).header("Retry-After", "30").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, "This page is for data subjects", "The privacy center shows the consents and requests of"
                + " the person signed in. Your account is not a data subject's account, so there is nothing to show"
                + " here. Sign out and sign in with your own account.", List.of()).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "Page not found", "There is no page at this address.", List.of()).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String title = status == 405 ? "Not possible here" : status == 415 ? "Unsupported form" : "Request not valid";
        return page(status, title, "This address does not accept what the browser sent. Go back and use the page's"
                + " own forms and links.", List.of()).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "unexpected failure, reference %s", reference);
        return page(500, "Something went wrong", "This page could not be shown. Nothing was changed. If it keeps"
                + " happening, tell the platform's support the reference " + reference + ".", List.of()).build();
    }

    private Response.ResponseBuilder page(int status, String title, String message, List<String> details) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(render(error, status, title, message, details, signedIn()));
    }

    private String signedIn() {
        try {
            return identity.isAnonymous() ? null : identity.getPrincipal().getName();
        } catch (RuntimeException e) {
            return null; // no request context or identity: the page shows no name
        }
    }

    /** The error page; should the template itself fail, a minimal page in the same words. */
    static String render(Template error, int status, String title, String message, List<String> details,
            String me) {
        try {
            return error.data("status", status).data("title", title).data("message", message)
                    .data("details", details).data("me", me).render();
        } catch (RuntimeException e) {
            LOG.errorf(e, "the error page could not be rendered");
            return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                    + "</title></head><body><h1>" + escape(title) + "</h1><p>" + escape(message) + "</p></body></html>";
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
