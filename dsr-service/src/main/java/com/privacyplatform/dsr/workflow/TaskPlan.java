package com.privacyplatform.dsr.workflow;

import com.privacyplatform.dsr.task.TaskKind;
import java.util.List;
import java.util.UUID;

/** A task to create: who acts, on what, and whether a retention basis exempts it (3.5.d). */
public record TaskPlan(UUID partnerId, TaskKind kind, String recipientName, String recipientCountry,
        List<String> categories, List<String> purposes, List<String> retainedCategories,
        List<String> retentionBasisIds, boolean exempt) {
}
