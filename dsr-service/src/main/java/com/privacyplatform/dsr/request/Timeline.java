package com.privacyplatform.dsr.request;

import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Appends to and reads a request's timeline, in the caller's transaction. */
@ApplicationScoped
public class Timeline {

    public static final String SUBMITTED = "SUBMITTED";
    public static final String AWAITING_CONFIRMATION = "AWAITING_SUBJECT_CONFIRMATION";
    public static final String CONFIRMED = "CONFIRMED_BY_SUBJECT";
    public static final String DECLINED = "DECLINED_BY_SUBJECT";
    public static final String LINKED = "LINKED_TO_OPEN_REQUEST";
    public static final String DUPLICATE_RECEIVED = "DUPLICATE_RECEIVED";
    public static final String TASK_CREATED = "TASK_CREATED";
    public static final String TASK_EXEMPT = "TASK_EXEMPT";
    public static final String TASK_CLAIMED = "TASK_CLAIMED";
    public static final String TASK_COMPLETED = "TASK_COMPLETED";
    public static final String TASK_REJECTED = "TASK_REJECTED";
    public static final String TASK_REJECTION_REQUESTED = "TASK_REJECTION_REQUESTED";
    public static final String TASK_REOPENED = "TASK_REOPENED";
    public static final String TASK_OVERDUE = "TASK_OVERDUE";
    public static final String REVOCATION_REQUESTED = "REVOCATION_REQUESTED";
    public static final String CONSENT_ENDED = "CONSENT_ENDED";
    public static final String EXTENDED = "DEADLINE_EXTENDED";
    public static final String OVERDUE = "OVERDUE";
    public static final String EXPORT_DOWNLOADED = "EXPORT_DOWNLOADED";
    public static final String COMPLETED = "COMPLETED";

    private final PlatformClock clock;

    public Timeline(PlatformClock clock) {
        this.clock = clock;
    }

    public Uni<Void> add(UUID requestId, String kind, String actor, String detail) {
        return add(requestId, null, null, kind, actor, detail);
    }

    public Uni<Void> add(UUID requestId, UUID taskId, UUID partnerId, String kind, String actor, String detail) {
        TimelineEntry entry = entry(requestId, taskId, partnerId, kind, actor, detail);
        return Panache.getSession().chain(s -> s.persist(entry)).replaceWithVoid();
    }

    /** An entry to store with others in one batch (the caller persists it). */
    public TimelineEntry entry(UUID requestId, UUID taskId, UUID partnerId, String kind, String actor,
            String detail) {
        TimelineEntry entry = new TimelineEntry();
        entry.id = Ids.newId();
        entry.requestId = requestId;
        entry.taskId = taskId;
        entry.partnerId = partnerId;
        entry.at = clock.now();
        entry.kind = kind;
        entry.actor = actor;
        entry.detail = detail;
        return entry;
    }

    public Uni<List<TimelineEntry>> of(UUID requestId) {
        return TimelineEntry.list("requestId = ?1 order by at, id", requestId);
    }
}
