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
 * Plans and starts the work of an OPEN request: revocations go to consent-service; other types fan out
 * into tasks (deletions also to each recorded recipient, 3.5.c.b-c). A request with nothing to do
 * completes at once (NO_DATA_HELD). Planning comes first, so the deadlines are known when the request
 * is stored and announced.
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

    /** What the request will do: the consents to revoke, or the tasks to create (deadlines not yet set). */
    public Uni<Work> prepare(DsrRequest r, List<ConsentHolding> held, List<UUID> named) {
        return orders.terminatedPartners().map(terminated -> {
            List<ConsentHolding> concerned = Addressees.select(r.type, held, named, terminated);
            if (r.type == RequestType.REVOKE_AUTHORIZATION) {
                return Work.revoke(concerned);
            }
            return Work.tasks(FanOutPlanner.plan(r.subjectId, concerned,
                    FanOutPlanner.Options.plain(r.type == RequestType.DELETION), recipients::of));
        });
    }

    /** Starts scheduled work: revocations, or the tasks (then completes the request if nothing is left to do). */
    public Uni<Void> start(DsrRequest r, Work scheduled, List<UUID> named, AuditActor actor) {
        if (scheduled.revocation()) {
            return revocations.start(r, scheduled.targets(), named, actor);
        }
        return fanOut.create(r, scheduled.plans(), actor).chain(() -> completion.completeIfDone(r, actor));
    }
}
