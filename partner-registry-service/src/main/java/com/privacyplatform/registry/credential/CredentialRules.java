package com.privacyplatform.registry.credential;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * What a credential request must be before Keycloak sees it. The registered keys are parsed with
 * jose4j and passed on as public keys only: a private or symmetric key, a short RSA key or a key
 * without {@code kid} is refused (400), so nothing malformed reaches the identity provider.
 */
public final class CredentialRules {

    static final int MIN_RSA_BITS = 2048;
    private static final int MAX_KEYS = 10;

    private CredentialRules() {
    }

    /** The checked credential: the method and, for PRIVATE_KEY_JWT, the public JWK Set or its URL. */
    public record Checked(CredentialMethod method, String jwksJson, String jwksUrl) {
    }

    static Checked check(CredentialRequest request, String prefix, ObjectMapper mapper) {
        String field = prefix.isEmpty() ? "" : prefix + ".";
        List<Problem.FieldError> errors = new ArrayList<>();
        boolean hasJwks = request.jwks() != null;
        boolean hasUrl = request.jwksUrl() != null && !request.jwksUrl().isBlank();
        if (request.method() == CredentialMethod.CLIENT_SECRET) {
            if (hasJwks || hasUrl) {
                errors.add(new Problem.FieldError(field + (hasJwks ? "jwks" : "jwksUrl"),
                        "must be absent for CLIENT_SECRET: the secret is generated"));
            }
            return done(errors, new Checked(CredentialMethod.CLIENT_SECRET, null, null));
        }
        if (hasJwks == hasUrl) {
            errors.add(new Problem.FieldError(field + "jwks", "PRIVATE_KEY_JWT needs exactly one of jwks and jwksUrl"));
            return done(errors, null);
        }
        if (hasUrl) {
            String url = request.jwksUrl().strip();
            if (!isHttpsUrl(url)) {
                errors.add(new Problem.FieldError(field + "jwksUrl", "must be an absolute https URL"));
            }
            return done(errors, new Checked(CredentialMethod.PRIVATE_KEY_JWT, null, url));
        }
        String publicJwks = publicKeys(request, field, mapper, errors);
        return done(errors, new Checked(CredentialMethod.PRIVATE_KEY_JWT, publicJwks, null));
    }

    private static String publicKeys(CredentialRequest request, String field, ObjectMapper mapper,
            List<Problem.FieldError> errors) {
        JsonWebKeySet set;
        try {
            set = new JsonWebKeySet(mapper.writeValueAsString(request.jwks()));
        } catch (JoseException | JsonProcessingException | RuntimeException e) {
            errors.add(new Problem.FieldError(field + "jwks", "is not a JWK Set {\"keys\":[...]}"));
            return null;
        }
        List<JsonWebKey> keys = set.getJsonWebKeys();
        if (keys.isEmpty() || keys.size() > MAX_KEYS) {
            errors.add(new Problem.FieldError(field + "jwks.keys", "must hold 1 to " + MAX_KEYS + " keys"));
            return null;
        }
        List<JsonWebKey> accepted = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String problem = problemOf(keys.get(i));
            if (problem != null) {
                errors.add(new Problem.FieldError(field + "jwks.keys[" + i + "]", problem));
            } else {
                // Keycloak loads only keys marked for signatures ("Unable to load public key" otherwise)
                keys.get(i).setUse("sig");
                accepted.add(keys.get(i));
            }
        }
        return errors.isEmpty() ? new JsonWebKeySet(accepted).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) : null;
    }

    private static String problemOf(JsonWebKey key) {
        if (!(key instanceof RsaJsonWebKey) && !(key instanceof EllipticCurveJsonWebKey)) {
            return "must be an RSA or EC public key";
        }
        if (((PublicJsonWebKey) key).getPrivateKey() != null) {
            return "must be a public key: never send the private key";
        }
        if (key.getKeyId() == null || key.getKeyId().isBlank()) {
            return "needs a kid (the client assertion's header names it)";
        }
        if (key.getUse() != null && !"sig".equals(key.getUse())) {
            return "use must be sig";
        }
        if (key instanceof RsaJsonWebKey rsa && ((RSAPublicKey) rsa.getPublicKey()).getModulus().bitLength() < MIN_RSA_BITS) {
            return "RSA keys need at least " + MIN_RSA_BITS + " bits";
        }
        return null;
    }

    private static boolean isHttpsUrl(String url) {
        try {
            URI uri = new URI(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null
                    && uri.getFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Checked done(List<Problem.FieldError> errors, Checked checked) {
        if (!errors.isEmpty()) {
            throw ProblemException.validation("the credential is not usable", errors);
        }
        return checked;
    }
}
