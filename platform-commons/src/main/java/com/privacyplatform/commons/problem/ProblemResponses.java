package com.privacyplatform.commons.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Builds the problem+json response with the request's path and correlation id filled in. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static Response of(Problem problem, ContainerRequestContext request, Map<String, String> headers) {
        Problem full = problem.withContext(instance(request), correlationId(request));
        Response.ResponseBuilder builder = Response.status(full.status())
                .type(Problem.MEDIA_TYPE)
                .entity(full);
        headers.forEach(builder::header);
        return builder.build();
    }

    static Response of(ProblemType type, String detail, ContainerRequestContext request) {
        return of(new Problem(type.uri(), type.title(), type.status(), detail, null, null, null, null), request,
                Map.of());
    }

    static String correlationId(ContainerRequestContext request) {
        String id = request == null ? null : request.getHeaderString(CorrelationIds.HEADER);
        return id == null ? CorrelationIds.sanitize(null) : id;
    }

    private static String instance(ContainerRequestContext request) {
        return request == null ? null : "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
    }
}
