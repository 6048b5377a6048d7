package com.privacyplatform.dsr.holding;

import com.privacyplatform.dsr.events.ConsumedEvents.RecipientData;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** consent-service's holdings feed (REST client, built for the configured base URL). */
@Path("/holdings-feed")
public interface ConsentFeedApi {

    /** One holding as consent-service announces it: a granted consent and what became of it. */
    @RegisterForReflection
    record FeedHolding(UUID consentId, UUID partnerId, String subjectId, String purpose, List<String> categories,
            List<RecipientData> recipients, String jurisdiction, String method, Instant collectedAt,
            Instant grantedAt, HoldingStatus status, Instant endedAt, UUID endedByRequestId) {
    }

    @RegisterForReflection
    record FeedPage(List<FeedHolding> items, String nextCursor) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Uni<FeedPage> page(@HeaderParam("Authorization") String authorization, @QueryParam("limit") int limit,
            @QueryParam("cursor") String cursor);
}
