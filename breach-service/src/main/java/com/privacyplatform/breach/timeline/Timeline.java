package com.privacyplatform.breach.timeline;

import com.privacyplatform.breach.support.JsonColumns;
import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.time.PlatformClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Appends to an incident's timeline and, in the same transaction, to the hash-chained audit trail
 * (4.1, 1.8): every fact, decision, notification and measure is both ordered and audited.
 */
@ApplicationScoped
public class Timeline {

    private final AuditTrail audit;
    private final PlatformClock clock;

    public Timeline(AuditTrail audit, PlatformClock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Call inside a transaction. {@code data} is serialised as JSON (ids and facts); may be null. */
    public Uni<TimelineEntry> append(UUID incidentId, AuditActor actor, TimelineKind kind, String summary, String note,
            Object data) {
        TimelineEntry entry = new TimelineEntry();
        entry.id = Ids.newId();
        entry.incidentId = incidentId;
        entry.recordedAt = clock.now();
        entry.category = kind.category();
        entry.kind = kind;
        entry.actor = actor.actor();
        entry.actorRole = actor.role();
        entry.summary = summary;
        entry.note = note;
        entry.data = data == null ? null : JsonColumns.write(data);
        return entry.persist()
                .call(() -> audit.record(actor, kind.auditAction(), "incident", incidentId.toString(),
                        "{\"timelineEntry\":\"" + entry.id + "\"}"))
                .replaceWith(entry);
    }
}
