package com.privacyplatform.registry.credential;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.registry.config.RegistryConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.ClientsResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/**
 * The partners' OIDC clients in Keycloak, through its admin REST API with the registry's own
 * service account (realm-management {@code manage-clients} only): created at onboarding, given a
 * new credential on rotation, disabled once a termination's deletion work is done, removed only to
 * undo an onboarding that did not commit. Every call runs on a worker thread ({@link Blocking}).
 */
@ApplicationScoped
public class PartnerClients {

    private static final Logger LOG = Logger.getLogger(PartnerClients.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Keycloak keycloak;
    private final RegistryConfig.PartnerClients config;
    private final ObjectMapper mapper;
    private final PlatformClock clock;

    public PartnerClients(Keycloak keycloak, RegistryConfig config, ObjectMapper mapper, PlatformClock clock) {
        this.keycloak = keycloak;
        this.config = config.partnerClients();
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The request's credential, checked (400 naming {@code field}...); null stays null. */
    public CredentialRules.Checked check(CredentialRequest request, String field) {
        return request == null ? null : CredentialRules.check(request, field, mapper);
    }

    /** The view of what was issued; the secret is in it only when one was just generated. */
    public CredentialView view(String clientId, Issued issued) {
        return new CredentialView(clientId, issued.method(), issued.secret(), issued.jwksUrl(), tokenLifetimeSeconds(),
                clock.instant());
    }

    /** What Keycloak now holds for the partner; {@code secret} only when one was just issued. */
    public record Issued(boolean created, CredentialMethod method, String secret, String jwksUrl) {
    }

    /**
     * Onboarding: creates the partner's client, or takes over one already prepared for this very
     * partner (its hard-coded {@code partner_id} is the partner's id: a client the local realm
     * declares, or one left by an onboarding that did not commit). A client id held by any other
     * client is 409. {@code credential} may be null only when taking over (the client keeps its own).
     */
    @Enforces("3.4.f")
    public Uni<Issued> provision(String clientId, UUID partnerId, CredentialRules.Checked credential) {
        return call("creating the partner's client", () -> {
            List<ClientRepresentation> existing = clients().findByClientId(clientId);
            if (existing.isEmpty()) {
                if (credential == null) {
                    throw ProblemException.validation("a new partner needs a credential", List.of(
                            new Problem.FieldError("credential", "is required: PRIVATE_KEY_JWT (preferred) or CLIENT_SECRET")));
                }
                return create(clientId, partnerId, credential);
            }
            ClientRepresentation client = existing.get(0);
            if (!PartnerClientShape.isPreparedFor(client, partnerId)) {
                throw ProblemException.conflict("the OIDC client id " + clientId + " is already used in Keycloak by a"
                        + " client that is not this partner's; choose another client id");
            }
            reshape(client, partnerId);
            return credential == null ? new Issued(false, PartnerClientShape.methodOf(client), null, null)
                    : setCredential(client.getId(), credential, false);
        });
    }

    /** A new credential for the partner's client (re-created in its shape when it went missing). */
    public Uni<Issued> rotate(String clientId, UUID partnerId, CredentialRules.Checked credential) {
        return call("rotating the partner's credential", () -> {
            List<ClientRepresentation> existing = clients().findByClientId(clientId);
            if (existing.isEmpty()) {
                return create(clientId, partnerId, credential);
            }
            reshape(existing.get(0), partnerId);
            return setCredential(existing.get(0).getId(), credential, false);
        });
    }

    /** Disables the client: no new tokens; tokens already issued expire within the token lifetime. */
    public Uni<Boolean> disable(String clientId) {
        return call("disabling the partner's client", () -> {
            List<ClientRepresentation> existing = clients().findByClientId(clientId);
            if (existing.isEmpty()) {
                return false;
            }
            ClientRepresentation client = existing.get(0);
            client.setEnabled(false);
            clients().get(client.getId()).update(client);
            return true;
        });
    }

    /** Undoes a creation whose onboarding did not commit; a client of another partner is never touched. */
    public Uni<Void> remove(String clientId, UUID partnerId) {
        return call("removing a client of an onboarding that failed", () -> {
            for (ClientRepresentation client : clients().findByClientId(clientId)) {
                Map<String, String> attributes = client.getAttributes();
                if (attributes != null && partnerId.toString().equals(attributes.get(PartnerClientShape.PARTNER_ID_ATTRIBUTE))) {
                    clients().get(client.getId()).remove();
                }
            }
            return null;
        }).replaceWithVoid();
    }

    public long tokenLifetimeSeconds() {
        return config.tokenLifespan().toSeconds();
    }

    private Issued create(String clientId, UUID partnerId, CredentialRules.Checked credential) {
        String secret = credential.method() == CredentialMethod.CLIENT_SECRET ? newSecret() : null;
        try (Response response = clients().create(PartnerClientShape.newClient(clientId, partnerId,
                tokenLifetimeSeconds(), credential, secret))) {
            if (response.getStatus() == 409) {
                throw ProblemException.conflict("the OIDC client id " + clientId + " was just taken in Keycloak");
            }
            if (response.getStatus() != 201) {
                throw new jakarta.ws.rs.WebApplicationException(response.getStatus());
            }
        }
        return new Issued(true, credential.method(), secret, credential.jwksUrl());
    }

    private Issued setCredential(String id, CredentialRules.Checked credential, boolean created) {
        ClientResource resource = clients().get(id);
        ClientRepresentation client = resource.toRepresentation();
        PartnerClientShape.setCredential(client, credential, null);
        resource.update(client);
        String secret = credential.method() == CredentialMethod.CLIENT_SECRET ? resource.generateNewSecret().getValue()
                : null;
        return new Issued(created, credential.method(), secret, credential.jwksUrl());
    }

    /** Brings an existing client to the one shape: settings, exactly our two mappers, our scopes only. */
    private void reshape(ClientRepresentation client, UUID partnerId) {
        ClientResource resource = clients().get(client.getId());
        PartnerClientShape.apply(client, partnerId, tokenLifetimeSeconds());
        client.setProtocolMappers(null);
        client.setDefaultClientScopes(null);
        client.setOptionalClientScopes(null);
        resource.update(client);
        List<ProtocolMapperRepresentation> wanted = PartnerClientShape.mappers(partnerId);
        for (ProtocolMapperRepresentation mapper : resource.getProtocolMappers().getMappers()) {
            resource.getProtocolMappers().delete(mapper.getId());
        }
        resource.getProtocolMappers().createMapper(wanted);
        Map<String, String> scopeIds = keycloak.realm(config.realm()).clientScopes().findAll().stream()
                .collect(Collectors.toMap(ClientScopeRepresentation::getName, ClientScopeRepresentation::getId));
        Set<String> present = resource.getDefaultClientScopes().stream().map(ClientScopeRepresentation::getName)
                .collect(Collectors.toSet());
        for (ClientScopeRepresentation scope : resource.getDefaultClientScopes()) {
            if (!PartnerClientShape.DEFAULT_SCOPES.contains(scope.getName())) {
                resource.removeDefaultClientScope(scope.getId());
            }
        }
        for (String name : PartnerClientShape.DEFAULT_SCOPES) {
            if (!present.contains(name) && scopeIds.containsKey(name)) {
                resource.addDefaultClientScope(scopeIds.get(name));
            }
        }
        for (ClientScopeRepresentation scope : resource.getOptionalClientScopes()) {
            resource.removeOptionalClientScope(scope.getId());
        }
        LOG.infof("client %s brought to the partner client shape", client.getClientId());
    }

    private ClientsResource clients() {
        return keycloak.realm(config.realm()).clients();
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static <T> Uni<T> call(String action, Supplier<T> work) {
        return Blocking.call(() -> {
            try {
                return work.get();
            } catch (RuntimeException e) {
                throw IdentityProviderProblems.of(e, action);
            }
        });
    }
}
