package com.privacyplatform.breach.timeline;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entry of an incident's timeline; appended, never changed (a database trigger refuses changes). */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry extends PanacheEntityBase {

    /** Commit order across the whole service: the timeline's order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(nullable = false, unique = true)
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TimelineCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TimelineKind kind;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    /** Written by the service from the facts; no personal values. */
    @Column(nullable = false)
    public String summary;

    /** Free text of a person (update note, justification, reason); masked for others on display. */
    @Column
    public String note;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String data;
}
