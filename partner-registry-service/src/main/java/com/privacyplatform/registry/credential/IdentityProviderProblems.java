package com.privacyplatform.registry.credential;

import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.problem.ProblemType;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * What a failed Keycloak admin call becomes: never a silent success. Keycloak unreachable or
 * failing (I/O error, 5xx) is 503 {@code identity-provider-unavailable} with {@code Retry-After};
 * Keycloak refusing the registry's own call (4xx: its admin account's secret or rights) is 502
 * {@code identity-provider-error}. The operation that needed it has changed nothing.
 */
final class IdentityProviderProblems {

    private static final Logger LOG = Logger.getLogger(IdentityProviderProblems.class);
    static final String UNAVAILABLE = "identity-provider-unavailable";
    static final String ERROR = "identity-provider-error";

    private IdentityProviderProblems() {
    }

    static RuntimeException of(RuntimeException e, String action) {
        if (!(e instanceof ProcessingException) && !(e instanceof WebApplicationException)) {
            return e;
        }
        int status = e instanceof WebApplicationException web && web.getResponse() != null
                ? web.getResponse().getStatus() : 0;
        LOG.warnf("Keycloak admin call failed while %s: %s (status %d)", action, e.getClass().getSimpleName(), status);
        if (e instanceof ProcessingException || status >= 500) {
            Problem problem = new Problem(ProblemType.BASE_URI + UNAVAILABLE, "Identity provider unavailable", 503,
                    "Keycloak could not be reached while " + action + "; nothing was changed, try again later",
                    null, null, null, null);
            return new ProblemException(problem, Map.of("Retry-After", "30"));
        }
        return ProblemException.of(502, ERROR, "Identity provider refused the registry's request",
                "Keycloak refused the registry's call (status " + status + ") while " + action
                        + "; nothing was changed. An operator must check the registry's Keycloak admin account");
    }
}
