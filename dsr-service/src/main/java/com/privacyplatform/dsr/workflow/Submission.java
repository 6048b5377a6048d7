package com.privacyplatform.dsr.workflow;

import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.dsr.request.Correction;
import com.privacyplatform.dsr.request.RequestOrigin;
import com.privacyplatform.dsr.request.RequestType;
import java.util.List;
import java.util.UUID;

/**
 * A validated request to open, whoever sent it. It names no jurisdiction: deadlines follow the
 * consents the work rests on (3.5.b-c), never the submitter's choice.
 *
 * @param originRef  for platform-ordered deletions: the terminated partner or the breach incident
 * @param partnerIds null: every partner holding the subject's data
 */
public record Submission(String subjectId, RequestType type, RequestOrigin origin, UUID originRef, AuditActor actor,
        UUID onBehalfPartnerId, List<UUID> partnerIds, List<Correction> corrections) {

    public boolean byPlatform() {
        return origin == RequestOrigin.TERMINATION || origin == RequestOrigin.BREACH_ORDER;
    }
}
