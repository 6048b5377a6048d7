package com.privacyplatform.registry.credential;

/** How a partner's client authenticates at the token endpoint (client-credentials grant). */
public enum CredentialMethod {
    /** {@code private_key_jwt} (RFC 7523): a client assertion signed with the partner's own key; preferred. */
    PRIVATE_KEY_JWT,
    /** {@code client_secret_basic}/{@code _post}: a secret Keycloak generates, shown once, never kept by the platform. */
    CLIENT_SECRET
}
