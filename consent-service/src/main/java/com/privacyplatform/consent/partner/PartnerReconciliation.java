package com.privacyplatform.consent.partner;

import com.privacyplatform.commons.projection.Reconciler;
import com.privacyplatform.consent.config.ConsentConfig;
import com.privacyplatform.consent.partner.PartnerSnapshots.PartnerSnapshot;
import com.privacyplatform.consent.partner.PartnerSnapshots.SnapshotPage;
import com.privacyplatform.consent.revocation.Revocations;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds and reconciles the partner projection from the registry's {@code GET /partner-snapshots}
 * (client credentials of {@code platform-services}), issue 18.2: platform-commons'
 * {@code ProjectionSync} runs it after startup until it succeeds, then every reconcile interval, and
 * on an officer's request ({@code POST /projections/consent-partners/reconciliation}). Until the
 * first run is done, recording and checking answer 503 {@code projection-unavailable}; readiness
 * never waits for the registry. Snapshots go through the same version guards as events (a version
 * equal to the stored one is written again, so rows lost under an unchanged version come back), so
 * their order relative to events does not matter. A partner whose projected state differs before and
 * after its snapshot counts as drift.
 */
@ApplicationScoped
public class PartnerReconciliation implements Reconciler {

    /** The projection's name (ProjectionSync, the officer's endpoint, the drift metric). */
    public static final String PROJECTION = "consent-partners";

    private final ConsentConfig config;
    private final OidcClient oidc;
    private final ProjectionRepository projection;
    private final Revocations revocations;

    public PartnerReconciliation(ConsentConfig config, OidcClient oidc, ProjectionRepository projection,
            Revocations revocations) {
        this.config = config;
        this.oidc = oidc;
        this.projection = projection;
        this.revocations = revocations;
    }

    @Override
    public String projection() {
        return PROJECTION;
    }

    @Override
    public boolean hasSource() {
        return config.registry().bootstrap().enabled();
    }

    @Override
    public Uni<Integer> reconcile() {
        return reconcileFrom(config.registry().url()).map(Result::repaired);
    }

    /** What one pass over the registry's snapshots saw and repaired. */
    public record Result(int partners, int repaired) {
    }

    /** Reads every snapshot page from the registry at {@code baseUri} and applies it. */
    public Uni<Result> reconcileFrom(URI baseUri) {
        RegistrySnapshotsApi api = QuarkusRestClientBuilder.newBuilder().baseUri(baseUri)
                .connectTimeout(5, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS)
                .build(RegistrySnapshotsApi.class);
        return oidc.getTokens().map(tokens -> "Bearer " + tokens.getAccessToken())
                .chain(bearer -> pages(api, bearer, null, new Result(0, 0)));
    }

    private Uni<Result> pages(RegistrySnapshotsApi api, String bearer, String cursor, Result sofar) {
        return api.page(bearer, config.registry().bootstrap().pageSize(), cursor)
                .chain(page -> Panache.withTransaction(() -> applyAll(items(page)))
                        .call(() -> revokeOfTerminated(items(page)))
                        .chain(repaired -> {
                            Result next = new Result(sofar.partners() + items(page).size(), sofar.repaired() + repaired);
                            return page.nextCursor() == null || items(page).isEmpty() ? Uni.createFrom().item(next)
                                    : pages(api, bearer, page.nextCursor(), next);
                        }));
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

    private static List<PartnerSnapshot> items(SnapshotPage page) {
        return page.items() == null ? List.of() : page.items();
    }
}
