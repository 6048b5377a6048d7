package com.privacyplatform.commons.problem;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 405 {@code method-not-allowed} with the {@code Allow} header (RFC 9110 requires it): JAX-RS
 * reports the wrong method without naming the right ones, {@link AllowedMethods} knows them.
 */
public class MethodProblems {

    private final AllowedMethods allowed;

    public MethodProblems(AllowedMethods allowed) {
        this.allowed = allowed;
    }

    // a mapper for the exact type beats ProblemMappers' one for WebApplicationException
    @ServerExceptionMapper(priority = 100)
    public Response notAllowed(NotAllowedException e, ContainerRequestContext request) {
        String allow = e.getResponse() == null ? null : e.getResponse().getHeaderString("Allow");
        if (allow == null || allow.isBlank()) {
            allow = allowed.forPath("/" + request.getUriInfo().getPath().replaceFirst("^/", "")).orElse(null);
        }
        Response response = ProblemResponses.of(ProblemType.METHOD_NOT_ALLOWED,
                "this method is not supported on this resource" + (allow == null ? "" : "; allowed: " + allow),
                request);
        if (allow != null) {
            response.getHeaders().putSingle("Allow", allow);
        }
        return response;
    }
}
