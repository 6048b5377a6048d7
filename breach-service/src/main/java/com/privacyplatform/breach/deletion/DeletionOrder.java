package com.privacyplatform.breach.deletion;

import com.privacyplatform.breach.support.JsonColumns;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** 3.4.j: the platform requires the partner to delete the affected information; dsr-service opens the work. */
@Entity
@Table(name = "deletion_order")
public class DeletionOrder extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(nullable = false)
    public String categories;

    @Column(nullable = false)
    public String reason;

    @Column(name = "ordered_by", nullable = false)
    public String orderedBy;

    @Column(name = "ordered_at", nullable = false)
    public OffsetDateTime orderedAt;

    public List<String> categories() {
        return JsonColumns.strings(categories);
    }
}
