package com.privacyplatform.consent.partner;

import com.privacyplatform.api.events.PartnerStatus;
import com.privacyplatform.commons.projection.SourcePages;
import com.privacyplatform.commons.projection.SourceReconciler;
import com.privacyplatform.consent.config.ConsentConfig;
import com.privacyplatform.consent.partner.PartnerSnapshots.PartnerSnapshot;
import com.privacyplatform.consent.revocation.Revocations;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.oidc.client.OidcClient;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Rebuilds and reconciles the partner projection from the registry's {@code GET /partner-snapshots}
 * (platform-commons' {@code SourceReconciler}, client credentials of {@code platform-services}),
 * issue 18.2: platform-commons' {@code ProjectionSync} runs it after startup until it succeeds, then
 * every reconcile interval, and on an officer's request
 * ({@code POST /projections/consent-partners/reconciliation}). Until the first run is done,
 * recording and checking answer 503 {@code projection-unavailable}; readiness never waits for the
 * registry. Snapshots go through the same version guards as events (a version equal to the stored
 * one is written again, so rows lost under an unchanged version come back), so their order relative
 * to events does not matter. A partner whose projected state differs before and after its snapshot
 * counts as drift.
 */
@ApplicationScoped
public class PartnerReconciliation extends SourceReconciler<PartnerSnapshot> {

    /** The projection's name (ProjectionSync, the officer's endpoint, the drift metric). */
    public static final String PROJECTION = "consent-partners";

    private final ProjectionRepository projection;
    private final Revocations revocations;

    public PartnerReconciliation(ConsentConfig config, OidcClient oidc, SourcePages sources,
            ProjectionRepository projection, Revocations revocations) {
        super(PROJECTION, new SourceConfig(config.registry().bootstrap().enabled(), config.registry().url(),
                "/partner-snapshots", config.registry().bootstrap().pageSize()), PartnerSnapshot.class, sources,
                () -> oidc.getTokens().map(tokens -> "Bearer " + tokens.getAccessToken()));
        this.projection = projection;
        this.revocations = revocations;
    }

    /** What one pass over the registry's snapshots saw and repaired. */
    public record Result(int partners, int repaired) {
    }

    /** Reads every snapshot page from the registry at {@code baseUri} and applies it, a page per transaction. */
    public Uni<Result> reconcileFrom(URI baseUri) {
        return passFrom(baseUri).map(pass -> new Result(pass.items(), pass.repaired()));
    }

    @Override
    protected Uni<Integer> applyPage(List<PartnerSnapshot> page) {
        return Panache.withTransaction(() -> applyAll(page)).call(() -> revokeOfTerminated(page));
    }

    private Uni<Integer> applyAll(List<PartnerSnapshot> snapshots) {
        return Multi.createFrom().iterable(snapshots)
                .onItem().transformToUniAndConcatenate(this::apply)
                .collect().with(java.util.stream.Collectors.summingInt(changed -> changed ? 1 : 0));
    }

    /** Applies one snapshot; answers whether the partner's projected state changed (drift). */
    private Uni<Boolean> apply(PartnerSnapshot s) {
        return projection.find(s.partnerId()).chain(before -> projection.applyScope(s.partnerId(), s.status(),
                                s.jurisdiction(), s.scopeVersion(), s.scope(), s.automatedDecisionAuthorized(), true)
                        .chain(() -> projection.applyStatus(s.partnerId(), s.status(), s.updatedAt()))
                        // a registry that predates transfers in snapshots sends none: nothing to apply
                        .chain(() -> s.transfersVersion() == null ? Uni.createFrom().voidItem()
                                : projection.applyTransfers(s.partnerId(), s.status(), s.transfersVersion(),
                                        s.transfers(), true))
                        .chain(() -> projection.find(s.partnerId()))
                        .map(after -> !Objects.equals(before.orElse(null), after.orElse(null))));
    }

    /** 3.5.d after the page committed: each terminated partner's consents, in chunked transactions of their own. */
    private Uni<Void> revokeOfTerminated(List<PartnerSnapshot> snapshots) {
        return Multi.createFrom().iterable(snapshots.stream().filter(s -> s.status() == PartnerStatus.TERMINATED)
                        .toList())
                .onItem().transformToUniAndConcatenate(s -> revocations.revokeAllOfTerminatedPartner(s.partnerId(), null))
                .collect().last().replaceWithVoid();
    }
}
