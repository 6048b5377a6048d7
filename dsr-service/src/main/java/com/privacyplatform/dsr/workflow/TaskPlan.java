package com.privacyplatform.dsr.workflow;

import com.privacyplatform.dsr.deadline.Deadline;
import com.privacyplatform.dsr.task.TaskKind;
import java.util.List;
import java.util.UUID;

/**
 * A task to create: who acts, on what, and whether a retention basis exempts it (3.5.d).
 *
 * @param jurisdictions the jurisdictions of the consents it rests on, null where a consent names none
 * @param deadline      null until the request's receipt fixes it
 */
public record TaskPlan(UUID partnerId, TaskKind kind, String recipientName, String recipientCountry,
        List<String> categories, List<String> purposes, List<String> retainedCategories,
        List<String> retentionBasisIds, boolean exempt, List<String> jurisdictions, Deadline deadline) {

    public TaskPlan withDeadline(Deadline due) {
        return new TaskPlan(partnerId, kind, recipientName, recipientCountry, categories, purposes, retainedCategories,
                retentionBasisIds, exempt, jurisdictions, due);
    }
}
