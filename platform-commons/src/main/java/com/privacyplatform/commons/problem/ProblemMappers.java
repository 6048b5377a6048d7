package com.privacyplatform.commons.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.privacyplatform.commons.db.ConnectionLoss;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one exception mapper of every service: each error becomes RFC 9457 problem+json, client
 * errors never become 5xx, and nothing internal (class names, stack traces, SQL) leaks out.
 * Unexpected errors are logged with the correlation id that the 500 body carries.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int PRIORITY = 100; // before Quarkus' built-in mappers (USER = 5000)

    @ServerExceptionMapper(priority = PRIORITY)
    public Response problem(ProblemException e, ContainerRequestContext request) {
        return ProblemResponses.of(e.problem(), request, e.headers());
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response validation(ConstraintViolationException e, ContainerRequestContext request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(ValidationPaths.field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        Problem problem = new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400,
                errors.size() + " field(s) failed validation", null, null, null, errors);
        return ProblemResponses.of(problem, request, Map.of());
    }

    // Jackson's specific types get their own methods: a mapper for the exact type beats ours for a supertype.
    @ServerExceptionMapper(priority = PRIORITY)
    public Response mismatchedJson(MismatchedInputException e, ContainerRequestContext request) {
        return malformedJson(e, request);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unparsableJson(JsonParseException e, ContainerRequestContext request) {
        return malformedJson(e, request);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response malformedJson(JsonProcessingException e, ContainerRequestContext request) {
        String field = e instanceof JsonMappingException mapping ? ValidationPaths.jsonPath(mapping.getPath()) : null;
        List<Problem.FieldError> errors = field == null || field.isEmpty() ? null
                : List.of(new Problem.FieldError(field, "has a wrong type or format"));
        String detail = e instanceof JsonMappingException ? "the request body does not match the expected structure"
                : "the request body is not well-formed JSON";
        Problem problem = new Problem(ProblemType.MALFORMED_REQUEST.uri(), ProblemType.MALFORMED_REQUEST.title(),
                400, detail, null, null, null, errors);
        return ProblemResponses.of(problem, request, Map.of());
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unauthenticated(UnauthorizedException e, ContainerRequestContext request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response authenticationFailed(AuthenticationFailedException e, ContainerRequestContext request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response authenticationIncomplete(AuthenticationCompletionException e, ContainerRequestContext request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return ProblemResponses.of(ProblemType.FORBIDDEN, "the caller's role does not allow this operation", request);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response concurrentUpdate(OptimisticLockException e, ContainerRequestContext request) {
        return ProblemResponses.of(ProblemType.CONFLICT, "the resource was changed concurrently; read it again",
                request);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response staleState(StaleStateException e, ContainerRequestContext request) {
        return ProblemResponses.of(ProblemType.CONFLICT, "the resource was changed concurrently; read it again",
                request);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response constraint(org.hibernate.exception.ConstraintViolationException e,
            ContainerRequestContext request) {
        return ProblemResponses.of(ProblemType.CONFLICT, "the request conflicts with existing data", request);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response data(org.hibernate.exception.DataException e, ContainerRequestContext request) {
        return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, "a value is out of range or too long", request);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response framework(WebApplicationException e, ContainerRequestContext request) {
        ProblemException answer = ProblemCauses.find(e);
        if (answer != null) {
            return problem(answer, request); // e.g. a parameter converter's 400 (NumericQueryParams)
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, request); // the JSON reader wraps parse errors in a plain 400
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        ProblemType type = ProblemType.forStatus(status);
        Response response = ProblemResponses.of(new Problem(type.uri(), type.title(), status,
                FrameworkDetails.of(status, e), null, null, null, null), request, Map.of());
        return status == 401 ? withChallenge(response) : response;
    }

    @ServerExceptionMapper(priority = PRIORITY + 1)
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        ProblemException cause = ProblemCauses.find(e);
        if (cause != null) {
            return problem(cause, request);
        }
        if (ConnectionLoss.is(e)) { // a lost connection outside @WithSession/@WithTransaction methods
            return problem(ConnectionLoss.unguarded(e, request == null ? null : request.getMethod()), request);
        }
        String correlationId = ProblemResponses.correlationId(request);
        LOG.errorf(e, "unexpected error, correlationId=%s", correlationId);
        return ProblemResponses.of(ProblemType.INTERNAL,
                "an unexpected error occurred; quote correlationId " + correlationId + " when reporting it", request);
    }

    private static Response unauthenticated(ContainerRequestContext request) {
        return withChallenge(ProblemResponses.of(ProblemType.UNAUTHENTICATED,
                "a valid bearer token issued by the platform is required", request));
    }

    private static Response withChallenge(Response response) {
        response.getHeaders().putSingle("WWW-Authenticate", "Bearer realm=\"privacy\"");
        return response;
    }

    /** Fixed texts: a framework exception's own message may echo input or internals. */
    static final class FrameworkDetails {
        private FrameworkDetails() {
        }

        static String of(int status, WebApplicationException e) {
            return switch (status) {
                case 404 -> "no resource at this path";
                case 405 -> "this method is not supported on this resource";
                case 406 -> "no acceptable representation; this API produces application/json";
                case 413 -> "the request body exceeds the allowed size";
                case 415 -> "unsupported content type; send application/json";
                default -> "the request could not be processed as sent";
            };
        }
    }
}
