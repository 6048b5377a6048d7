package com.privacyplatform.dsr.workflow;

import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.dsr.holding.ConsentHolding;
import com.privacyplatform.dsr.holding.Recipients;
import com.privacyplatform.dsr.order.DeletionOrders;
import com.privacyplatform.dsr.request.DsrRequest;
import com.privacyplatform.dsr.request.RequestType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Starts the work of an OPEN request: revocations go to consent-service; other types fan out into
 * tasks (deletions also to each recorded recipient, 3.5.c.b-c). A request with nothing to do
 * completes at once (NO_DATA_HELD).
 */
@ApplicationScoped
public class WorkStarter {

    private final FanOut fanOut;
    private final Completion completion;
    private final Revocations revocations;
    private final Recipients recipients;
    private final DeletionOrders orders;

    public WorkStarter(FanOut fanOut, Completion completion, Revocations revocations, Recipients recipients,
            DeletionOrders orders) {
        this.fanOut = fanOut;
        this.completion = completion;
        this.revocations = revocations;
        this.recipients = recipients;
        this.orders = orders;
    }

    public Uni<Void> start(DsrRequest r, List<ConsentHolding> held, List<UUID> named, AuditActor actor) {
        return orders.terminatedPartners().chain(terminated -> {
            List<ConsentHolding> concerned = Addressees.select(r.type, held, named, terminated);
            if (r.type == RequestType.REVOKE_AUTHORIZATION) {
                return revocations.start(r, concerned, named, actor);
            }
            List<TaskPlan> plans = FanOutPlanner.plan(r.subjectId, concerned,
                    FanOutPlanner.Options.plain(r.type == RequestType.DELETION), recipients::of);
            return startPlanned(r, plans, actor);
        });
    }

    public Uni<Void> startPlanned(DsrRequest r, List<TaskPlan> plans, AuditActor actor) {
        return fanOut.create(r, plans, actor).chain(() -> completion.completeIfDone(r, actor));
    }
}
