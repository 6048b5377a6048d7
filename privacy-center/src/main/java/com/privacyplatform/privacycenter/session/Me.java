package com.privacyplatform.privacycenter.session;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.privacycenter.web.Words;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in data subject: their pseudonymous subject id (the token's {@code sub}) and the
 * access token (verified, a JWT) the backends are called with. Nothing here is ever shown for anybody else.
 */
@RequestScoped
public class Me {

    public static final String ROLE = "data-subject";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Me(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String subject() {
        return token.getSubject();
    }

    /** The name to greet with: the login name, never another person's value. */
    public String displayName(Words w) {
        String name = token.getClaim("preferred_username");
        return name == null ? w.t("me.you") : name;
    }

    /** {@code Bearer <access token>} of this session, for the calls to the services. */
    public String bearer() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null) {
            throw new IllegalStateException("the session carries no access token");
        }
        return "Bearer " + credential.getToken();
    }

    /** Defense in depth (3.4.f): a view that names another subject is never rendered. */
    @Enforces(value = "3.4.f", note = "items naming another subject are dropped before rendering")
    public boolean owns(String subjectId) {
        return subject() != null && subject().equals(subjectId);
    }
}
