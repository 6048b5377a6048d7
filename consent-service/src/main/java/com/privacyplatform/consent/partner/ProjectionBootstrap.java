package com.privacyplatform.consent.partner;

import com.privacyplatform.consent.config.ConsentConfig;
import com.privacyplatform.consent.partner.PartnerSnapshots.PartnerSnapshot;
import com.privacyplatform.consent.partner.PartnerSnapshots.SnapshotPage;
import com.privacyplatform.consent.revocation.Revocations;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Fills the partner projection from the registry's {@code GET /partner-snapshots} (client
 * credentials of {@code platform-services}) once after startup, then events keep it current. It
 * runs in the background and retries until it succeeds: startup and readiness never wait for the
 * registry. Until then unknown partners are refused and checks deny (fail closed). Snapshots go
 * through the same version guards as events, so their order relative to events does not matter.
 */
@ApplicationScoped
public class ProjectionBootstrap {

    private static final Logger LOG = Logger.getLogger(ProjectionBootstrap.class);

    private final ConsentConfig config;
    private final OidcClient oidc;
    private final ProjectionRepository projection;
    private final Revocations revocations;
    private final AtomicBoolean done = new AtomicBoolean();

    public ProjectionBootstrap(ConsentConfig config, OidcClient oidc, ProjectionRepository projection,
            Revocations revocations) {
        this.config = config;
        this.oidc = oidc;
        this.projection = projection;
        this.revocations = revocations;
    }

    @Scheduled(identity = "partner-projection-bootstrap", every = "${consent.registry.bootstrap.retry-interval:15S}",
            delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (!config.registry().bootstrap().enabled() || done.get()) {
            return Uni.createFrom().voidItem();
        }
        return importFrom(config.registry().url())
                .invoke(n -> {
                    done.set(true);
                    LOG.infof("partner projection bootstrapped from the registry: %d partner(s)", n);
                })
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("partner projection bootstrap failed (%s); retrying in %s", e.getMessage(),
                            config.registry().bootstrap().retryInterval());
                    return Uni.createFrom().nullItem();
                })
                .replaceWithVoid();
    }

    /** Reads every snapshot page from the registry at {@code baseUri} and applies it; returns the partner count. */
    public Uni<Integer> importFrom(URI baseUri) {
        RegistrySnapshotsApi api = QuarkusRestClientBuilder.newBuilder().baseUri(baseUri)
                .connectTimeout(5, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS)
                .build(RegistrySnapshotsApi.class);
        return oidc.getTokens().map(tokens -> "Bearer " + tokens.getAccessToken())
                .chain(bearer -> pages(api, bearer, null, 0));
    }

    private Uni<Integer> pages(RegistrySnapshotsApi api, String bearer, String cursor, int applied) {
        return api.page(bearer, config.registry().bootstrap().pageSize(), cursor)
                .chain(page -> Panache.withTransaction(() -> applyAll(items(page)))
                        .chain(() -> revokeOfTerminated(items(page)))
                        .chain(() -> page.nextCursor() == null || items(page).isEmpty()
                                ? Uni.createFrom().item(applied + items(page).size())
                                : pages(api, bearer, page.nextCursor(), applied + items(page).size())));
    }

    private Uni<Void> applyAll(List<PartnerSnapshot> snapshots) {
        return Multi.createFrom().iterable(snapshots)
                .onItem().transformToUniAndConcatenate(this::apply)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> apply(PartnerSnapshot s) {
        return projection.applyScope(s.partnerId(), s.status(), s.jurisdiction(), s.scopeVersion(),
                        s.scope(), s.automatedDecisionAuthorized())
                .chain(() -> projection.applyStatus(s.partnerId(), s.status(), s.updatedAt()))
                // a registry that predates transfers in snapshots sends none: nothing to apply
                .chain(() -> s.transfersVersion() == null ? Uni.createFrom().voidItem()
                        : projection.applyTransfers(s.partnerId(), s.status(), s.transfersVersion(), s.transfers()));
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
