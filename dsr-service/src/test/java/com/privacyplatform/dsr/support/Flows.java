package com.privacyplatform.dsr.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.dsr.request.Correction;
import com.privacyplatform.dsr.request.RequestOrigin;
import com.privacyplatform.dsr.request.RequestType;
import com.privacyplatform.dsr.task.DsrTask;
import com.privacyplatform.dsr.task.Evidence;
import com.privacyplatform.dsr.task.TaskRequests.CorrectionRecord;
import com.privacyplatform.dsr.task.TaskRequests.DeletionStatement;
import com.privacyplatform.dsr.task.TaskRequests.RecipientNotice;
import com.privacyplatform.dsr.workflow.RejectionReviews;
import com.privacyplatform.dsr.workflow.RequestWorkflow;
import com.privacyplatform.dsr.workflow.Submission;
import com.privacyplatform.dsr.workflow.TaskWork;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Steps of other actors in a scenario, run through the service's own workflow beans (a test method
 * has one HTTP identity; the subject, another partner or the platform act through these).
 */
public final class Flows {

    private Flows() {
    }

    public static UUID subjectSubmits(String subject, RequestType type, List<UUID> partners,
            List<Correction> corrections) {
        Submission s = new Submission(subject, type, RequestOrigin.SUBJECT, null,
                new AuditActor("user:" + subject, "data-subject"), null, partners,
                corrections == null ? List.of() : corrections);
        return await(() -> Panache.withTransaction(() -> workflow().submit(s))).id;
    }

    public static UUID subjectSubmits(String subject, RequestType type) {
        return subjectSubmits(subject, type, null, null);
    }

    public static UUID partnerSubmits(UUID partner, String subject, RequestType type, List<Correction> corrections) {
        Submission s = new Submission(subject, type, RequestOrigin.PARTNER, null,
                new AuditActor("partner:" + partner, "partner"), partner, null,
                corrections == null ? List.of() : corrections);
        return await(() -> Panache.withTransaction(() -> workflow().submit(s))).id;
    }

    /** The partner completes its task with a deletion statement. */
    public static void partnerDeletes(UUID taskId) {
        Evidence evidence = new Evidence(new DeletionStatement("profile and orders", List.of("crm"),
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), "dp team"), null, null, null, null);
        resolve(taskId, t -> work().complete(t, evidence, null, actor(t)));
    }

    /** The partner completes a RECIPIENT task: the disclosure stopped, the recipient was told to delete. */
    public static void partnerNotifies(UUID taskId) {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
        Evidence evidence = new Evidence(null, new RecipientNotice(at, at, "dp team", "L-1"), null, null, null);
        resolve(taskId, t -> work().complete(t, evidence, null, actor(t)));
    }

    /** The partner completes a CORRECTION task: the values were corrected. */
    public static void partnerCorrects(UUID taskId) {
        Evidence evidence = new Evidence(null, null, new CorrectionRecord(OffsetDateTime.now(ZoneOffset.UTC)
                .minusMinutes(1), "dp team", List.of("crm")), null, null);
        resolve(taskId, t -> work().complete(t, evidence, null, actor(t)));
    }

    /** The partner delivers an ACCESS export. */
    public static void partnerExports(UUID taskId, String json) {
        JsonNode export;
        try {
            export = new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        Evidence evidence = new Evidence(null, null, null, null, null);
        resolve(taskId, t -> work().complete(t, evidence, export, actor(t)));
    }

    public static void partnerRejects(UUID taskId, String legalBasis) {
        resolve(taskId, t -> work().reject(t, legalBasis, "kept by law", actor(t)));
    }

    /** The partner rejects a deletion task: it waits for the officer's review. */
    public static void partnerRequestsRejection(UUID taskId, String legalBasis) {
        resolve(taskId, t -> work().requestRejection(t, legalBasis, "kept by law", null, actor(t)));
    }

    /** The compliance officer approves or refuses the rejection under review. */
    public static void officerDecides(UUID taskId, boolean approve, String note) {
        resolve(taskId, t -> Arc.container().instance(RejectionReviews.class).get().decide(t, approve, note,
                new AuditActor("user:olivia", "compliance-officer")));
    }

    private static void resolve(UUID taskId, java.util.function.Function<DsrTask, Uni<DsrTask>> step) {
        await(() -> Panache.withTransaction(() -> DsrTask.<DsrTask>findById(taskId).chain(t -> step.apply(t))));
    }

    private static AuditActor actor(DsrTask t) {
        return new AuditActor("partner:" + t.partnerId, "partner");
    }

    private static RequestWorkflow workflow() {
        return Arc.container().instance(RequestWorkflow.class).get();
    }

    private static TaskWork work() {
        return Arc.container().instance(TaskWork.class).get();
    }

    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
