package com.privacyplatform.dsr.holding;

import com.privacyplatform.commons.projection.Reconciler;
import com.privacyplatform.dsr.config.DsrConfig;
import com.privacyplatform.dsr.holding.ConsentFeedApi.FeedHolding;
import com.privacyplatform.dsr.holding.ConsentFeedApi.FeedPage;
import com.privacyplatform.dsr.workflow.Actors;
import com.privacyplatform.dsr.workflow.Revocations;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds and reconciles the holdings projection from consent-service's {@code GET /holdings-feed}
 * (issue 18.2), page by page, each page in a transaction of its own; platform-commons'
 * {@code ProjectionSync} runs it after start until it succeeds, every reconcile interval, and on an
 * officer's request ({@code POST /projections/dsr-holdings/reconciliation}). A holding that was
 * missing or differs from the feed counts as drift; one that the feed shows ended (a lost
 * consent.revoked / consent.expired) also confirms the revocations waiting for it, as the event would.
 */
@ApplicationScoped
public class HoldingReconciliation implements Reconciler {

    /** The projection's name (ProjectionSync, the officer's endpoint, the drift metric). */
    public static final String PROJECTION = "dsr-holdings";

    private final DsrConfig config;
    private final OidcClient oidc;
    private final HoldingProjection projection;
    private final Revocations revocations;

    public HoldingReconciliation(DsrConfig config, OidcClient oidc, HoldingProjection projection,
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
        return config.consentFeed().enabled();
    }

    @Override
    public Uni<Integer> reconcile() {
        return reconcileFrom(config.consentFeed().url());
    }

    /** Reads every page of the feed at {@code baseUri} and repairs the projection; answers the drift repaired. */
    public Uni<Integer> reconcileFrom(URI baseUri) {
        ConsentFeedApi api = QuarkusRestClientBuilder.newBuilder().baseUri(baseUri)
                .connectTimeout(5, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS)
                .build(ConsentFeedApi.class);
        return oidc.getTokens().map(tokens -> "Bearer " + tokens.getAccessToken())
                .chain(bearer -> pages(api, bearer, null, 0));
    }

    private Uni<Integer> pages(ConsentFeedApi api, String bearer, String cursor, int repaired) {
        return api.page(bearer, config.consentFeed().pageSize(), cursor)
                .chain(page -> Panache.withTransaction(() -> applyAll(items(page)))
                        .chain(n -> page.nextCursor() == null || items(page).isEmpty()
                                ? Uni.createFrom().item(repaired + n)
                                : pages(api, bearer, page.nextCursor(), repaired + n)));
    }

    private Uni<Integer> applyAll(List<FeedHolding> holdings) {
        return Multi.createFrom().iterable(holdings)
                .onItem().transformToUniAndConcatenate(h -> projection.reconcile(h)
                        .call(change -> change.ended()
                                ? revocations.consentEnded(h.consentId(), h.status(), Actors.SYSTEM)
                                : Uni.createFrom().voidItem())
                        .map(change -> change.repaired() ? 1 : 0))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    private static List<FeedHolding> items(FeedPage page) {
        return page.items() == null ? List.of() : page.items();
    }
}
