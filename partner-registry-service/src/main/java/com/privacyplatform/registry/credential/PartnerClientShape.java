package com.privacyplatform.registry.credential;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/**
 * The one shape of a partner's client (3.4.f, least privilege): confidential, client-credentials
 * grant only, no browser flows; tokens carry the {@code partner} role (hard-coded, no other role
 * reaches them: full scope off), the hard-coded {@code partner_id} claim and the API audience
 * (client scope {@code privacy-api-audience}), plus {@code sub} and the role claim from the scopes
 * {@code basic} and {@code roles}. No other mapper, role or scope; a short token lifetime.
 */
final class PartnerClientShape {

    static final String PARTNER_ROLE = "partner";
    static final String PARTNER_ID_CLAIM = "partner_id";
    static final List<String> DEFAULT_SCOPES = List.of("basic", "roles", "privacy-api-audience");
    static final String PARTNER_ID_ATTRIBUTE = "privacy-platform.partner-id";
    static final String HARDCODED_CLAIM = "oidc-hardcoded-claim-mapper";
    private static final String HARDCODED_ROLE = "oidc-hardcoded-role-mapper";

    private PartnerClientShape() {
    }

    /** A new client: the shape plus its credential ({@code secret} for CLIENT_SECRET, else null). */
    static ClientRepresentation newClient(String clientId, UUID partnerId, long lifespanSeconds,
            CredentialRules.Checked credential, String secret) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setName("Partner " + partnerId);
        client.setDescription("Provisioned by partner-registry-service at onboarding; managed there (rotation, disabling).");
        apply(client, partnerId, lifespanSeconds);
        client.setDefaultClientScopes(DEFAULT_SCOPES);
        client.setOptionalClientScopes(List.of());
        client.setProtocolMappers(mappers(partnerId));
        setCredential(client, credential, secret);
        return client;
    }

    /** Brings an existing representation to the shape, keeping its id, client id and credential. */
    static void apply(ClientRepresentation client, UUID partnerId, long lifespanSeconds) {
        client.setEnabled(true);
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setBearerOnly(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setFrontchannelLogout(false);
        client.setConsentRequired(false);
        client.setFullScopeAllowed(false);
        client.setRedirectUris(List.of());
        client.setWebOrigins(List.of());
        Map<String, String> attributes = client.getAttributes() == null ? new HashMap<>()
                : new HashMap<>(client.getAttributes());
        attributes.put("access.token.lifespan", Long.toString(lifespanSeconds));
        attributes.put("oauth2.device.authorization.grant.enabled", "false");
        attributes.put("oidc.ciba.grant.enabled", "false");
        attributes.put("use.refresh.tokens", "false");
        attributes.put("client_credentials.use_refresh_token", "false");
        attributes.put(PARTNER_ID_ATTRIBUTE, partnerId.toString());
        client.setAttributes(attributes);
    }

    /** Sets the client's authenticator: its secret, or its registered public keys (inline or by URL). */
    static void setCredential(ClientRepresentation client, CredentialRules.Checked credential, String secret) {
        Map<String, String> attributes = client.getAttributes() == null ? new HashMap<>()
                : new HashMap<>(client.getAttributes());
        attributes.remove("jwks.url");
        attributes.remove("jwks.string");
        attributes.put("use.jwks.url", "false");
        attributes.put("use.jwks.string", "false");
        if (credential.method() == CredentialMethod.CLIENT_SECRET) {
            client.setClientAuthenticatorType("client-secret");
            client.setSecret(secret);
        } else {
            client.setClientAuthenticatorType("client-jwt");
            client.setSecret(null);
            if (credential.jwksUrl() != null) {
                attributes.put("use.jwks.url", "true");
                attributes.put("jwks.url", credential.jwksUrl());
            } else {
                attributes.put("use.jwks.string", "true");
                attributes.put("jwks.string", credential.jwksJson());
            }
        }
        client.setAttributes(attributes);
    }

    static List<ProtocolMapperRepresentation> mappers(UUID partnerId) {
        ProtocolMapperRepresentation partnerIdClaim = mapper(PARTNER_ID_CLAIM, HARDCODED_CLAIM, Map.of(
                "claim.name", PARTNER_ID_CLAIM, "claim.value", partnerId.toString(), "jsonType.label", "String",
                "access.token.claim", "true", "id.token.claim", "false", "userinfo.token.claim", "false",
                "introspection.token.claim", "true"));
        ProtocolMapperRepresentation role = mapper("partner-role", HARDCODED_ROLE, Map.of("role", PARTNER_ROLE));
        return List.of(partnerIdClaim, role);
    }

    /** True when the client's hard-coded {@code partner_id} claim is this partner's id. */
    static boolean isPreparedFor(ClientRepresentation client, UUID partnerId) {
        return client.getProtocolMappers() != null && client.getProtocolMappers().stream()
                .anyMatch(m -> HARDCODED_CLAIM.equals(m.getProtocolMapper()) && m.getConfig() != null
                        && PARTNER_ID_CLAIM.equals(m.getConfig().get("claim.name"))
                        && partnerId.toString().equals(m.getConfig().get("claim.value")));
    }

    static CredentialMethod methodOf(ClientRepresentation client) {
        return "client-jwt".equals(client.getClientAuthenticatorType()) ? CredentialMethod.PRIVATE_KEY_JWT
                : CredentialMethod.CLIENT_SECRET;
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> config) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(type);
        mapper.setConfig(new HashMap<>(config));
        return mapper;
    }
}
