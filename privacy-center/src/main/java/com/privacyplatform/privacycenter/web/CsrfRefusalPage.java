package com.privacyplatform.privacycenter.web;

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

    public CsrfRefusalPage(@Location("error.html") Template error) {
        this.error = error;
    }

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 400 && !response.hasEntity() && "POST".equals(request.getMethod())) {
            response.setEntity(ErrorPages.render(error, 400, "Form not accepted", "This form was not sent from"
                    + " this page in your browser, or it has expired. Nothing was changed. Open the page again and"
                    + " retry.", List.of(), null), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }
}
