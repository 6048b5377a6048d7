package com.privacyplatform.dsr.request;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One step in a request's story, shown to the subject (3.5.a) and to oversight. Never personal values. */
@Entity
@Table(name = "dsr_timeline_entry")
public class TimelineEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "task_id")
    public UUID taskId;

    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String actor;

    public String detail;
}
