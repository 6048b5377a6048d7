-- Issue 14.3: retention after termination needs evidence and review (3.5.c, 3.5.d).

-- How and when each consent was collected (consent.granted's method and collectedAt): the evidence of
-- a subject's express consent to retention after the end of the cooperation. NULL: not announced.
ALTER TABLE consent_holding
    ADD COLUMN method        TEXT,
    ADD COLUMN collected_at  TIMESTAMPTZ;

-- A retention basis is either a subject's express consent to the retention (the consent named, checked
-- against the holdings) or a legal obligation (the law and the retention period named) that an officer
-- approves before the termination fan-out honours it. Bases recorded before these rules named neither
-- and are never honoured: LAPSED (the partner records them again).
ALTER TABLE retention_basis
    ADD COLUMN consent_id        UUID,
    ADD COLUMN law               TEXT,
    ADD COLUMN retention_period  TEXT,                      -- ISO 8601 period, e.g. P10Y
    ADD COLUMN status            TEXT         NOT NULL DEFAULT 'LAPSED',
    ADD COLUMN reviewed_by       TEXT,
    ADD COLUMN reviewed_at       TIMESTAMPTZ,
    ADD COLUMN review_note       TEXT,
    ADD COLUMN version           BIGINT       NOT NULL DEFAULT 0;
ALTER TABLE retention_basis ALTER COLUMN status DROP DEFAULT;
ALTER TABLE retention_basis
    ADD CONSTRAINT retention_basis_status_known
        CHECK (status IN ('CONSENT_VERIFIED', 'PENDING_REVIEW', 'APPROVED', 'REFUSED', 'LAPSED')),
    ADD CONSTRAINT retention_basis_consent_named
        CHECK (status <> 'CONSENT_VERIFIED' OR (legal_basis = 'EXPRESS_CONSENT' AND subject_id IS NOT NULL
                                                AND consent_id IS NOT NULL)),
    ADD CONSTRAINT retention_basis_law_named
        CHECK (status NOT IN ('PENDING_REVIEW', 'APPROVED', 'REFUSED')
               OR (legal_basis = 'LEGAL_OBLIGATION' AND law IS NOT NULL AND retention_period IS NOT NULL));
CREATE INDEX retention_basis_review ON retention_basis (status, recorded_at, id);

-- A partner's rejection of a deletion task waits for an officer's review (REJECTION_IN_REVIEW):
-- approved -> REJECTED, refused -> OPEN again with the officer's note.
ALTER TABLE dsr_task
    ADD COLUMN rejection_retention_basis_id  UUID,           -- the recorded retention basis the rejection cites
    ADD COLUMN rejection_requested_at        TIMESTAMPTZ,
    ADD COLUMN rejection_requested_by        TEXT,
    ADD COLUMN review_decision               TEXT,
    ADD COLUMN review_note                   TEXT,
    ADD COLUMN reviewed_by                   TEXT,
    ADD COLUMN reviewed_at                   TIMESTAMPTZ;
ALTER TABLE dsr_task DROP CONSTRAINT dsr_task_status_known;
ALTER TABLE dsr_task
    ADD CONSTRAINT dsr_task_status_known
        CHECK (status IN ('OPEN', 'CLAIMED', 'REJECTION_IN_REVIEW', 'COMPLETED', 'REJECTED', 'EXEMPT')),
    ADD CONSTRAINT dsr_task_review_has_basis
        CHECK (status <> 'REJECTION_IN_REVIEW' OR (rejection_legal_basis IS NOT NULL
                                                   AND rejection_requested_at IS NOT NULL)),
    ADD CONSTRAINT dsr_task_review_decision_known
        CHECK (review_decision IS NULL OR review_decision IN ('APPROVED', 'REFUSED'));
CREATE INDEX dsr_task_rejection_review ON dsr_task (rejection_requested_at, id)
    WHERE status = 'REJECTION_IN_REVIEW';
