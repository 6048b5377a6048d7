package com.privacyplatform.privacycenter.web;

import com.privacyplatform.privacycenter.i18n.Preferences;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A form post that the CSRF check refused (no token, or not the one this browser was given) gets
 * a bare 400 from quarkus-rest-csrf; the person sees why and what to do instead.
 */
public class CsrfRefusalPage {

    private final Template error;
    private final Preferences preferences;

    public CsrfRefusalPage(@Location("error.html") Template error, Preferences preferences) {
        this.error = error;
        this.preferences = preferences;
    }

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 400 && !response.hasEntity() && "POST".equals(request.getMethod())) {
            Words w = preferences.words();
            response.setEntity(ErrorPages.render(error, w, 400, w.t("error.csrf.title"), w.t("error.csrf.message"),
                    List.of(), null), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }
}
