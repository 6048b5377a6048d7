package com.privacyplatform.dsr.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.privacyplatform.dsr.task.TaskRequests.CorrectionRecord;
import com.privacyplatform.dsr.task.TaskRequests.DeletionStatement;
import com.privacyplatform.dsr.task.TaskRequests.RecipientNotice;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** The stored evidence of a completed task (JSON in {@code dsr_task.evidence}); never the export's content. */
@RegisterForReflection(targets = {Evidence.class, Evidence.ExportReceipt.class})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(DeletionStatement deletion, RecipientNotice notice, CorrectionRecord correction,
        ExportReceipt export, String note) {

    /** ACCESS: that an export was delivered, how large, until when the subject can download it. */
    public record ExportReceipt(int sizeBytes, Instant expiresAt) {
    }
}
