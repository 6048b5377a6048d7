package com.privacyplatform.privacycenter.web;

import com.privacyplatform.privacycenter.backend.BackendException;
import com.privacyplatform.privacycenter.i18n.Preferences;
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
    private final Preferences preferences;

    public ErrorPages(@Location("error.html") Template error, SecurityIdentity identity, Preferences preferences) {
        this.error = error;
        this.identity = identity;
        this.preferences = preferences;
    }

    @ServerExceptionMapper
    public Response backend(BackendException e) {
        Words w = preferences.words();
        String service = BackendWords.service(e.service(), w);
        if (e.unreachable()) {
            LOG.warnf("%s not reachable (status %d)", e.service(), e.status());
            return page(503, w.t("error.unavailable.title"), w.t("error.unavailable.service", service), List.of())
                    .header("Retry-After", "30").build();
        }
        if (e.status() == 401) {
            return page(401, w.t("error.expired.title"), w.t("error.expired.message", service), List.of()).build();
        }
        if (e.status() == 404) {
            return page(404, w.t("error.notFound.title"), w.t("error.notFound.message"), List.of()).build();
        }
        if (e.status() >= 500) {
            LOG.warnf("%s answered %d", e.service(), e.status());
            return page(502, w.t("error.failed.title"), w.t("error.failed.service", service), List.of()).build();
        }
        List<String> details = BackendWords.speaksTheServicesLanguage(w) || e.localized() ? e.fieldMessages()
                : e.fieldMessages().stream().map(m -> w.t("problem.serviceSaid", m)).toList();
        return page(e.status(), BackendWords.title(e, w), BackendWords.detail(e, w), details).build();
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        // the failure's type only: a client's message can quote the URL, and URLs can name the subject
        LOG.warnf("a service could not be reached (%s)",
                (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName());
        Words w = preferences.words();
        return page(503, w.t("error.unavailable.title"), w.t("error.unavailable.any"), List.of())
                .header("Retry-After", "30").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        Words w = preferences.words();
        return page(403, w.t("error.notSubject.title"), w.t("error.notSubject.message"), List.of()).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        Words w = preferences.words();
        return page(404, w.t("error.noPage.title"), w.t("error.noPage.message"), List.of()).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Words w = preferences.words();
        String title = w.t(status == 405 ? "error.method.title" : status == 415 ? "error.mediaType.title"
                : "error.invalid.title");
        return page(status, title, w.t("error.invalid.message"), List.of()).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "unexpected failure, reference %s", reference);
        Words w = preferences.words();
        return page(500, w.t("error.failed.title"), w.t("error.unexpected.message", reference), List.of()).build();
    }

    private Response.ResponseBuilder page(int status, String title, String message, List<String> details) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(render(error, preferences.words(), status, title, message, details, signedIn()));
    }

    private String signedIn() {
        try {
            return identity.isAnonymous() ? null : identity.getPrincipal().getName();
        } catch (RuntimeException e) {
            return null; // no request context or identity: the page shows no name
        }
    }

    /** The error page; should the template itself fail, a minimal page in the same words. */
    static String render(Template error, Words w, int status, String title, String message, List<String> details,
            String me) {
        try {
            return error.data("status", status).data("title", title).data("message", message)
                    .data("details", details).data("me", me).data("w", w).render();
        } catch (RuntimeException e) {
            LOG.errorf(e, "the error page could not be rendered");
            return "<!DOCTYPE html><html lang=\"" + escape(w.tag()) + "\"><head><meta charset=\"utf-8\"><title>"
                    + escape(title) + "</title></head><body><h1>" + escape(title) + "</h1><p>" + escape(message)
                    + "</p></body></html>";
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
