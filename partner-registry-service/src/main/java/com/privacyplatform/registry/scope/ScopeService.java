package com.privacyplatform.registry.scope;

import com.privacyplatform.api.events.PartnerEvents;
import com.privacyplatform.api.events.PartnerStatus;
import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.api.vocabulary.Vocabulary;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.registry.partner.Partner;
import com.privacyplatform.registry.partner.PartnerRepository;
import com.privacyplatform.registry.partner.PartnerService;
import com.privacyplatform.registry.scope.ScopeRequests.AdmAuthorizationRequest;
import com.privacyplatform.registry.scope.ScopeRequests.ScopeItemRequest;
import com.privacyplatform.registry.scope.ScopeRequests.ScopeRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The permitted scope: purposes x data categories from the vocabulary (3.1.a-b, 3.2.a), and the
 * platform's separate authorization (3.2.c) that every purpose the vocabulary flags as profiling
 * ({@code automated_decision_making}, {@code fraud_detection}, {@code personalization}, ...) needs.
 * Every change is audited and published as {@code partner.scope-changed} with the full new scope.
 */
@ApplicationScoped
public class ScopeService {

    private final PartnerService partnerService;
    private final PartnerRepository partners;
    private final ScopeRepository scopes;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Caller caller;
    private final Instance<ScopeNarrowingGuard> guards;
    private final PlatformClock clock;

    public ScopeService(PartnerService partnerService, PartnerRepository partners, ScopeRepository scopes,
            Outbox outbox, AuditTrail audit, Caller caller, Instance<ScopeNarrowingGuard> guards, PlatformClock clock) {
        this.partnerService = partnerService;
        this.partners = partners;
        this.scopes = scopes;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
        this.guards = guards;
        this.clock = clock;
    }

    @Enforces({"3.1.a", "3.1.b", "3.2.a"})
    public Uni<Partner> replace(UUID partnerId, String ifMatch, ScopeRequest request) {
        List<ScopeEntry> entries = validated(partnerId, request);
        return partnerService.load(partnerId).chain(p -> {
            Versions.requireMatch(ifMatch, p.version);
            requireOpen(p);
            requireAuthorizedForProfiling(p, request);
            return checkGuards(p.id, entries)
                    .chain(() -> scopes.replace(p.id, entries))
                    .chain(() -> changed(p, "partner.scope-replaced", "{\"pairs\":" + entries.size() + "}"));
        });
    }

    /**
     * 3.2.c: the platform's authorization for the purposes that profile or decide automatically;
     * withdrawing it also removes every such purpose from the scope.
     */
    @Enforces("3.2.c")
    public Uni<Partner> authorizeAutomatedDecisions(UUID partnerId, String ifMatch, AdmAuthorizationRequest request) {
        return partnerService.load(partnerId).chain(p -> {
            Versions.requireMatch(ifMatch, p.version);
            requireOpen(p);
            p.admAuthorized = request.authorized();
            p.admReason = request.reason().strip();
            p.admChangedAt = clock.now();
            // withdrawing removes every profiling purpose from the scope: the guards must accept the narrower scope
            List<String> profiling = Vocabulary.get().profilingPurposes();
            Uni<Void> removal = request.authorized() ? Uni.createFrom().voidItem()
                    : scopes.list("key.partnerId", p.id)
                            .map(current -> current.stream().filter(e -> !profiling.contains(e.key.purpose)).toList())
                            .chain(remaining -> checkGuards(p.id, remaining))
                            .chain(() -> ScopeEntry.delete("key.partnerId = ?1 and key.purpose in ?2", p.id,
                                    profiling))
                            .replaceWithVoid();
            return removal.chain(() -> changed(p, "partner.automated-decisions-" + (request.authorized()
                    ? "authorized" : "withdrawn"), null));
        });
    }

    private Uni<Partner> changed(Partner p, String action, String details) {
        p.scopeVersion++;
        p.updatedAt = clock.now();
        return scopes.scopeOf(p.id)
                .call(scope -> outbox.publish(PartnerEvents.SCOPE_CHANGED, p.id.toString(),
                        new PartnerEvents.ScopeChanged(p.id, p.status, p.jurisdiction, p.scopeVersion, scope,
                                p.admAuthorized, p.updatedAt.toInstant())))
                .call(() -> audit.record(caller.auditActor(), action, "partner", p.id.toString(),
                        details == null ? "{\"scopeVersion\":" + p.scopeVersion + "}" : details))
                .call(partners::flush)
                .replaceWith(p);
    }

    /** 3.1.b: only vocabulary purposes and categories; errors name each offending field. */
    private static List<ScopeEntry> validated(UUID partnerId, ScopeRequest request) {
        Vocabulary vocabulary = Vocabulary.get();
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<ScopeEntry.Key> seen = new LinkedHashSet<>();
        List<ScopeEntry> entries = new ArrayList<>();
        for (int i = 0; i < request.entries().size(); i++) {
            ScopeItemRequest item = request.entries().get(i);
            if (!vocabulary.isPurpose(item.purpose())) {
                errors.add(new Problem.FieldError("entries[" + i + "].purpose", "is not a purpose of the vocabulary"));
            }
            for (int j = 0; j < item.categories().size(); j++) {
                String category = item.categories().get(j);
                if (!vocabulary.isCategory(category)) {
                    errors.add(new Problem.FieldError("entries[" + i + "].categories[" + j + "]",
                            "is not a data category of the vocabulary"));
                }
                ScopeEntry entry = ScopeEntry.of(partnerId, item.purpose(), category);
                if (seen.add(entry.key)) {
                    entries.add(entry);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("the scope names unknown purposes or categories", errors);
        }
        return entries;
    }

    /** 3.2.c: a purpose that profiles or decides automatically enters the scope only with the platform's authorization. */
    @Enforces("3.2.c")
    private static void requireAuthorizedForProfiling(Partner p, ScopeRequest request) {
        if (p.admAuthorized) {
            return;
        }
        Vocabulary vocabulary = Vocabulary.get();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.entries().size(); i++) {
            String purpose = request.entries().get(i).purpose();
            if (vocabulary.isProfiling(purpose)) {
                errors.add(new Problem.FieldError("entries[" + i + "].purpose", "3.2.c: " + purpose
                        + " profiles people or decides about them automatically and needs the platform's authorization"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.policy("3.2.c", "automated-decisions-not-authorized",
                    "Automated decision-making not authorized",
                    "the platform has not authorized this partner for purposes that profile people or decide about"
                            + " them automatically (" + String.join(", ", vocabulary.profilingPurposes()) + ")", errors);
        }
    }

    private Uni<Void> checkGuards(UUID partnerId, List<ScopeEntry> entries) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ScopeNarrowingGuard guard : guards) {
            chain = chain.chain(() -> guard.check(partnerId, entries));
        }
        return chain;
    }

    private static void requireOpen(Partner p) {
        if (p.status == PartnerStatus.TERMINATED) {
            throw ProblemException.conflict("the partner is TERMINATED; its scope can no longer change");
        }
    }
}
