package com.privacyplatform.dsr.retention;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 3.5.d: a legal basis on which a partner keeps a subject's data, or a category, after termination. */
@Entity
@Table(name = "retention_basis")
public class RetentionBasis extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    /** Null: every subject (then a category is named). */
    @Column(name = "subject_id")
    public String subjectId;

    /** Null: every category of the subject. */
    public String category;

    @Column(name = "legal_basis", nullable = false)
    public String legalBasis;

    @Column(nullable = false)
    public String explanation;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    public boolean covers(String subject, String categoryId) {
        return (subjectId == null || subjectId.equals(subject)) && (category == null || category.equals(categoryId));
    }

    public boolean coversWholeSubject(String subject) {
        return subject.equals(subjectId) && category == null;
    }
}
