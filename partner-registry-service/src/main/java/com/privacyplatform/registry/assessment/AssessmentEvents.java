package com.privacyplatform.registry.assessment;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.UUID;

/** Event records of audits (CloudEvents {@code data}); ids and facts only. */
public final class AssessmentEvents {

    /** 4.3: a finding is past its rectification deadline and not rectified; emitted once per finding. */
    public static final String FINDING_OVERDUE = "partner.audit-finding-overdue";

    private AssessmentEvents() {
    }

    @RegisterForReflection // serialized by the outbox's ObjectMapper, also in native images
    public record AuditFindingOverdue(UUID partnerId, UUID auditId, UUID findingId, FindingSeverity severity,
            boolean material, LocalDate rectificationDue) {
    }
}
