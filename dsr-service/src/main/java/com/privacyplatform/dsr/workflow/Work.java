package com.privacyplatform.dsr.workflow;

import com.privacyplatform.dsr.deadline.Deadline;
import com.privacyplatform.dsr.holding.ConsentHolding;
import java.util.List;

/**
 * What an OPEN request will do - revoke these consents (REVOKE_AUTHORIZATION), or create these tasks -
 * and, once its receipt is fixed, the deadlines: each task's and the request's own.
 */
public record Work(boolean revocation, List<ConsentHolding> targets, List<TaskPlan> plans, Deadline deadline) {

    static Work revoke(List<ConsentHolding> targets) {
        return new Work(true, List.copyOf(targets), List.of(), null);
    }

    static Work tasks(List<TaskPlan> plans) {
        return new Work(false, List.of(), List.copyOf(plans), null);
    }

    Work scheduled(List<TaskPlan> scheduledPlans, Deadline requestDeadline) {
        return new Work(revocation, targets, List.copyOf(scheduledPlans), requestDeadline);
    }
}
