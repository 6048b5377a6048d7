package com.privacyplatform.dsr.holding;

import com.privacyplatform.commons.projection.SourcePages;
import com.privacyplatform.commons.projection.SourcePages.Pass;
import com.privacyplatform.commons.projection.SourceReconciler;
import com.privacyplatform.dsr.config.DsrConfig;
import com.privacyplatform.dsr.workflow.Actors;
import com.privacyplatform.dsr.workflow.Revocations;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.oidc.client.OidcClient;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;

/**
 * Builds and reconciles the holdings projection from consent-service's {@code GET /holdings-feed}
 * (issue 18.2; platform-commons' {@code SourceReconciler}, client credentials of
 * {@code platform-services}), page by page, each page in a transaction of its own; platform-commons'
 * {@code ProjectionSync} runs it after start until it succeeds, every reconcile interval, and on an
 * officer's request ({@code POST /projections/dsr-holdings/reconciliation}). A holding that was
 * missing or differs from the feed counts as drift; one that the feed shows ended (a lost
 * consent.revoked / consent.expired) also confirms the revocations waiting for it, as the event would.
 */
@ApplicationScoped
public class HoldingReconciliation extends SourceReconciler<FeedHolding> {

    /** The projection's name (ProjectionSync, the officer's endpoint, the drift metric). */
    public static final String PROJECTION = "dsr-holdings";

    private final HoldingProjection projection;
    private final Revocations revocations;

    public HoldingReconciliation(DsrConfig config, OidcClient oidc, SourcePages sources, HoldingProjection projection,
            Revocations revocations) {
        super(PROJECTION, new SourceConfig(config.consentFeed().enabled(), config.consentFeed().url(), "/holdings-feed",
                config.consentFeed().pageSize()), FeedHolding.class, sources,
                () -> oidc.getTokens().map(tokens -> "Bearer " + tokens.getAccessToken()));
        this.projection = projection;
        this.revocations = revocations;
    }

    /** Reads every page of the feed at {@code baseUri} and repairs the projection; answers the drift repaired. */
    public Uni<Integer> reconcileFrom(URI baseUri) {
        return passFrom(baseUri).map(Pass::repaired);
    }

    @Override
    protected Uni<Integer> applyPage(List<FeedHolding> holdings) {
        return Panache.withTransaction(() -> Multi.createFrom().iterable(holdings)
                .onItem().transformToUniAndConcatenate(h -> projection.reconcile(h)
                        .call(change -> change.ended()
                                ? revocations.consentEnded(h.consentId(), h.status(), Actors.SYSTEM)
                                : Uni.createFrom().voidItem())
                        .map(change -> change.repaired() ? 1 : 0))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue)));
    }
}
