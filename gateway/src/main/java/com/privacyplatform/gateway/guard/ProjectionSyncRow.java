package com.privacyplatform.gateway.guard;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** When a source's snapshot ({@code registry}, {@code breach}) was last applied completely. */
@Entity
@Table(name = "gateway_projection_sync")
public class ProjectionSyncRow extends PanacheEntityBase {

    @Id
    public String source;

    @Column(name = "synced_at", nullable = false)
    public OffsetDateTime syncedAt;

    @Column(nullable = false)
    public int items;
}
