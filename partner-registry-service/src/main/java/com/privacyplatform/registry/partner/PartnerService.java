package com.privacyplatform.registry.partner;

import com.privacyplatform.api.events.PartnerEvents;
import com.privacyplatform.api.events.PartnerStatus;
import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.api.vocabulary.Vocabulary;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.registry.credential.CredentialRules;
import com.privacyplatform.registry.credential.CredentialView;
import com.privacyplatform.registry.credential.PartnerClients;
import com.privacyplatform.registry.partner.PartnerRequests.OnboardRequest;
import com.privacyplatform.registry.partner.PartnerRequests.SecurityOfficerRequest;
import com.privacyplatform.registry.partner.PartnerRequests.UpdateRequest;
import com.privacyplatform.registry.scope.ScopeRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Partner rules: onboarding, profile updates, the lifecycle and the named security officer. */
@ApplicationScoped
public class PartnerService {

    private final PartnerRepository partners;
    private final ScopeRepository scopes;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Caller caller;
    private final PartnerClients clients;
    private final PlatformClock clock;
    private final Changes changes;

    public PartnerService(PartnerRepository partners, ScopeRepository scopes, Outbox outbox, AuditTrail audit,
            Caller caller, PartnerClients clients, PlatformClock clock, Changes changes) {
        this.partners = partners;
        this.scopes = scopes;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
        this.clients = clients;
        this.clock = clock;
        this.changes = changes;
    }

    /** An onboarded partner and the credential of its client; {@code clientCreated}: Keycloak has a new client. */
    public record Onboarded(Partner partner, CredentialView credential, boolean clientCreated) {
    }

    /**
     * Call inside a transaction. The id is derived from the OIDC client id (see {@link Ids#partnerIdFor}).
     * The partner row is written and flushed first (a duplicate fails here, before Keycloak is
     * touched), then the partner's client is created in Keycloak: if Keycloak fails, the problem
     * rolls the transaction back and nothing is onboarded; if the commit fails afterwards, the
     * caller removes the new client ({@link PartnerClients#remove}).
     */
    public Uni<Onboarded> onboard(OnboardRequest request) {
        requireCountry(request.jurisdiction(), "jurisdiction");
        CredentialRules.Checked credential = clients.check(request.credential(), "credential");
        UUID id = Ids.partnerIdFor(request.oidcClientId());
        return partners.findById(id).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("a partner with OIDC client id " + request.oidcClientId()
                        + " is already registered (" + id + ")");
            }
            OffsetDateTime now = clock.now();
            Partner p = new Partner();
            p.id = id;
            p.legalName = request.legalName().strip();
            p.jurisdiction = request.jurisdiction();
            p.oidcClientId = request.oidcClientId();
            applyContact(p, request.contact());
            p.status = PartnerStatus.PENDING;
            p.statusReason = "onboarded";
            p.statusChangedAt = now;
            p.createdAt = now;
            p.updatedAt = now;
            return partners.persist(p)
                    .call(() -> audit.record(caller.auditActor(), "partner.onboarded", "partner", id.toString(),
                            "{\"jurisdiction\":\"" + p.jurisdiction + "\"}"))
                    .call(partners::flush)
                    .chain(() -> clients.provision(p.oidcClientId, id, credential))
                    .call(issued -> audit.record(caller.auditActor(), issued.created() ? "partner.client-created"
                            : "partner.client-taken-over", "partner", id.toString(),
                            "{\"method\":\"" + issued.method() + "\",\"credentialIssued\":" + (credential != null) + "}"))
                    .map(issued -> new Onboarded(p, clients.view(p.oidcClientId, issued), issued.created()));
        });
    }

    public Uni<Partner> update(UUID id, String ifMatch, UpdateRequest request) {
        requireCountry(request.jurisdiction(), "jurisdiction");
        return changes.apply(load(id), p -> p.version, ifMatch, p -> {
            requireNotTerminated(p);
            p.legalName = request.legalName().strip();
            p.jurisdiction = request.jurisdiction();
            applyContact(p, request.contact());
            p.updatedAt = clock.now();
            return Changes.audited("partner.updated", "partner", id,
                    "{\"fields\":[\"legalName\",\"jurisdiction\",\"contact\"]}");
        });
    }

    /** 3.4.d: the person in charge of information security and the responsible department. */
    @Enforces("3.4.d")
    public Uni<Partner> nameSecurityOfficer(UUID id, String ifMatch, SecurityOfficerRequest request) {
        if (request.email() == null && request.phone() == null) {
            throw ProblemException.validation("the security officer must be reachable",
                    List.of(new Problem.FieldError("email", "an e-mail address or a phone number is required")));
        }
        return changes.apply(load(id), p -> p.version, ifMatch, p -> {
            requireOpenDuties(p);
            String details = "{\"replacedPrevious\":" + (p.officerName != null) + "}";
            p.officerName = request.name().strip();
            p.officerEmail = request.email();
            p.officerPhone = request.phone();
            p.officerDepartment = request.department().strip();
            p.officerUpdatedAt = clock.now();
            p.updatedAt = p.officerUpdatedAt;
            // the audit record names no personal value: who changed it, when, and whether one was replaced
            return Changes.audited("partner.security-officer-named", "partner", id, details);
        });
    }

    /** Moves the partner along its lifecycle; illegal moves are 409, TERMINATED is final. */
    public Uni<Partner> transition(UUID id, String ifMatch, PartnerTransition transition, String reason) {
        PartnerStatus to = transition.target();
        return changes.apply(load(id), p -> p.version, ifMatch, p -> {
            if (!transition.allowedFrom(p.status)) {
                throw ProblemException.conflict("cannot " + transition.verb() + " a " + p.status + " partner");
            }
            if (transition == PartnerTransition.ACTIVATE) {
                requireSecurityOfficer(p);
            }
            PartnerStatus from = p.status;
            OffsetDateTime now = clock.now();
            p.status = to;
            p.statusReason = reason.strip();
            p.statusChangedAt = now;
            p.updatedAt = now;
            return recordChange(p, from, now)
                    .chain(() -> publishTransition(p, from))
                    .chain(() -> Changes.audited("partner.status-changed", "partner", id,
                            "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}"));
        });
    }

    public Uni<Partner> load(UUID id) {
        return partners.findById(id).invoke(p -> caller.requireVisible(p != null && caller.maySeePartner(p.id),
                "partner"));
    }

    /** 3.4.d: no activation without a named security officer and department. */
    @Enforces("3.4.d")
    static void requireSecurityOfficer(Partner p) {
        if (!p.hasSecurityOfficer()) {
            throw ProblemException.policy("3.4.d", "security-officer-required", "Security officer required",
                    "name the person in charge of information security and the responsible department before"
                            + " activating the partner", List.of(new Problem.FieldError("securityOfficer", "missing")));
        }
    }

    private Uni<Void> recordChange(Partner p, PartnerStatus from, OffsetDateTime at) {
        PartnerStatusChange change = new PartnerStatusChange();
        change.id = Ids.newId();
        change.partnerId = p.id;
        change.fromStatus = from;
        change.toStatus = p.status;
        change.reason = p.statusReason;
        change.actor = caller.auditActor().actor();
        change.changedAt = at;
        return change.persist().replaceWithVoid();
    }

    private Uni<Void> publishTransition(Partner p, PartnerStatus from) {
        if (from == PartnerStatus.PENDING) {
            return scopes.scopeOf(p.id).chain(scope -> outbox.publish(PartnerEvents.ACTIVATED, p.id.toString(),
                    new PartnerEvents.Activated(p.id, p.oidcClientId, p.jurisdiction, p.statusReason, p.scopeVersion,
                            scope, p.admAuthorized, p.statusChangedAt.toInstant()))).replaceWithVoid();
        }
        String type = switch (p.status) {
            case SUSPENDED -> PartnerEvents.SUSPENDED;
            case ACTIVE -> PartnerEvents.REINSTATED;
            case TERMINATED -> PartnerEvents.TERMINATED;
            default -> throw new IllegalStateException("no event for " + p.status);
        };
        return outbox.publish(type, p.id.toString(), new PartnerEvents.StatusChanged(p.id, from, p.status,
                p.statusReason, p.statusChangedAt.toInstant())).replaceWithVoid();
    }

    /**
     * 3.5.d: a TERMINATED partner's record stays open for its duties (its security officer stays
     * reachable) until the deletion work of its termination is complete.
     */
    @Enforces(value = "3.5.d", note = "a terminated partner keeps its duty endpoints until its deletions are done")
    public static void requireOpenDuties(Partner p) {
        if (p.status == PartnerStatus.TERMINATED && !p.hasOpenTerminationDuties()) {
            throw ProblemException.conflict("the partner is TERMINATED and the deletion work of its termination is"
                    + " complete; its record is closed");
        }
    }

    static void requireNotTerminated(Partner p) {
        if (p.status == PartnerStatus.TERMINATED) {
            throw ProblemException.conflict("the partner is TERMINATED; its record is closed");
        }
    }

    static void requireCountry(String code, String field) {
        if (!Vocabulary.isCountryCode(code)) {
            throw ProblemException.validation("unknown country",
                    List.of(new Problem.FieldError(field, "is not an assigned ISO 3166-1 alpha-2 code")));
        }
    }

    private static void applyContact(Partner p, PartnerRequests.ContactRequest contact) {
        p.contactName = contact.name().strip();
        p.contactEmail = contact.email().strip();
        p.contactPhone = contact.phone() == null || contact.phone().isBlank() ? null : contact.phone().strip();
    }
}
