package com.privacyplatform.consent.record;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.commons.ids.Ids;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One state a consent entered; appended, never changed (a database trigger refuses updates and deletes). */
@Entity
@Table(name = "consent_history")
public class HistoryEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "consent_id", nullable = false)
    public UUID consentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "previous_state")
    public ConsentState previousState;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Cause cause;

    public String reason;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "superseded_by")
    public UUID supersededBy;

    @Column(nullable = false)
    public OffsetDateTime at;

    /** The entry for {@code c} having just entered its current state. */
    public static HistoryEntry of(Consent c, ConsentState from, Cause cause, String reason, AuditActor actor,
            UUID requestId, OffsetDateTime at) {
        HistoryEntry e = new HistoryEntry();
        e.id = Ids.newId();
        e.consentId = c.id;
        e.state = c.state;
        e.previousState = from;
        e.cause = cause;
        e.reason = reason;
        e.actor = actor.actor();
        e.actorRole = actor.role();
        e.requestId = requestId;
        e.at = at;
        return e;
    }
}
