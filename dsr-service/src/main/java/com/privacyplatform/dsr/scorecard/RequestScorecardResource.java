package com.privacyplatform.dsr.scorecard;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How promptly a partner answers data-subject requests (3.5.b-c); an input of the risk scorecard (4.6). */
@Path("/partners/{partnerId}/request-scorecard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scorecards")
public class RequestScorecardResource {

    @Schema(name = "RequestScorecard")
    public record RequestScorecardView(UUID partnerId, long openTasks,
            @Schema(description = "Unresolved tasks past their deadline (the due day, or a recipient task's instant)")
            long overdueTasks, long completedTasks,
            @Schema(description = "Completed after their deadline") long completedLate, long rejectedTasks,
            long exemptTasks, @Schema(description = "dsr.overdue notices ever emitted for the partner's tasks")
            long overdueNotices, Instant asOf) {
    }

    private final Caller caller;
    private final PlatformClock clock;

    public RequestScorecardResource(Caller caller, PlatformClock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER})
    @WithSession
    @Enforces(value = "4.6", note = "overdue data-subject work counts against the partner")
    @Operation(summary = "The partner's data-subject work: open, overdue, completed (late), rejected;"
            + " a partner reads its own")
    public Uni<RequestScorecardView> get(@PathParam("partnerId") UUID partnerId) {
        caller.requireVisible(caller.maySeePartner(partnerId), "partner");
        OffsetDateTime now = clock.now().truncatedTo(ChronoUnit.SECONDS);
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        SELECT count(*) FILTER (WHERE status IN ('OPEN', 'CLAIMED')),
                               count(*) FILTER (WHERE status IN ('OPEN', 'CLAIMED') AND due_at < :now),
                               count(*) FILTER (WHERE status = 'COMPLETED'),
                               count(*) FILTER (WHERE status = 'COMPLETED'
                                                AND date_trunc('second', resolved_at) > due_at),
                               count(*) FILTER (WHERE status = 'REJECTED'),
                               count(*) FILTER (WHERE status = 'EXEMPT'),
                               (SELECT count(*) FROM overdue_notice n WHERE n.kind = 'task' AND n.partner_id = :partner)
                        FROM dsr_task WHERE partner_id = :partner""", Object[].class)
                .setParameter("now", now).setParameter("partner", partnerId)
                .getSingleResult())
                .map(row -> new RequestScorecardView(partnerId, n(row[0]), n(row[1]), n(row[2]), n(row[3]), n(row[4]),
                        n(row[5]), n(row[6]), clock.instant()));
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
