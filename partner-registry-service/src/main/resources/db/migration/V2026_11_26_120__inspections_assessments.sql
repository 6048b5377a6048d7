-- Annual self-inspections (3.4.e), platform audits with findings (4.1-4.5) and the overdue
-- notices that the overdue scan has emitted (one per due date / finding, never twice).

-- 3.4.e: one submitted report per period; the report is immutable once submitted.
CREATE TABLE self_inspection (
    id              UUID         PRIMARY KEY,
    partner_id      UUID         NOT NULL REFERENCES partner (id),
    period_start    DATE         NOT NULL,
    period_end      DATE         NOT NULL,
    content         JSONB        NOT NULL,   -- {"checklist": [...], "findings": [...]}
    summary         TEXT,
    failed_items    INTEGER      NOT NULL,
    submitted_by    TEXT         NOT NULL,
    submitted_at    TIMESTAMPTZ  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT self_inspection_period CHECK (period_end >= period_start)
);

CREATE INDEX self_inspection_partner ON self_inspection (partner_id, period_end);

-- 4.1-4.5: an audit of a partner, scheduled with advance notice (4.4), possibly by a third party (4.2).
CREATE TABLE assessment (
    id                   UUID         PRIMARY KEY,
    partner_id           UUID         NOT NULL REFERENCES partner (id),
    status               TEXT         NOT NULL,
    scheduled_start      TIMESTAMPTZ  NOT NULL,
    notice_given_at      TIMESTAMPTZ  NOT NULL,
    scope                TEXT         NOT NULL,
    third_party_auditor  TEXT,
    closure_summary      TEXT,
    closed_at            TIMESTAMPTZ,
    cost_bearer          TEXT,
    scheduled_by         TEXT         NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT assessment_status_known CHECK (status IN ('SCHEDULED', 'CLOSED')),
    CONSTRAINT assessment_cost_bearer_known CHECK (cost_bearer IS NULL OR cost_bearer IN ('PLATFORM', 'PARTNER')),
    CONSTRAINT assessment_closed_has_bearer CHECK ((status = 'CLOSED') = (cost_bearer IS NOT NULL))
);

CREATE INDEX assessment_partner ON assessment (partner_id, id);

-- 4.3: findings with a rectification deadline, tracked until the officer verifies the rectification.
CREATE TABLE assessment_finding (
    id                          UUID         PRIMARY KEY,
    assessment_id               UUID         NOT NULL REFERENCES assessment (id),
    partner_id                  UUID         NOT NULL REFERENCES partner (id),
    severity                    TEXT         NOT NULL,
    material                    BOOLEAN      NOT NULL,
    description                 TEXT         NOT NULL,
    rectification_due           DATE         NOT NULL,
    status                      TEXT         NOT NULL,
    rectification_summary       TEXT,
    rectification_submitted_at  TIMESTAMPTZ,
    verification_note           TEXT,
    verified_at                 TIMESTAMPTZ,
    recorded_at                 TIMESTAMPTZ  NOT NULL,
    updated_at                  TIMESTAMPTZ  NOT NULL,
    version                     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT assessment_finding_severity_known CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    CONSTRAINT assessment_finding_status_known
        CHECK (status IN ('OPEN', 'RECTIFICATION_SUBMITTED', 'VERIFIED', 'REOPENED'))
);

CREATE INDEX assessment_finding_assessment ON assessment_finding (assessment_id, id);
CREATE INDEX assessment_finding_open_due ON assessment_finding (rectification_due)
    WHERE status IN ('OPEN', 'REOPENED');
CREATE INDEX assessment_finding_partner ON assessment_finding (partner_id);

-- Dedupe of overdue events: a row exists exactly when the event for (kind, target, due date)
-- was written to the outbox in the same transaction.
CREATE TABLE overdue_notice (
    kind        TEXT         NOT NULL,
    target_id   UUID         NOT NULL,
    due_on      DATE         NOT NULL,
    partner_id  UUID         NOT NULL REFERENCES partner (id),
    event_id    UUID,                          -- the outbox event, set right after the claim
    emitted_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (kind, target_id, due_on),
    CONSTRAINT overdue_notice_kind_known CHECK (kind IN ('self-inspection', 'audit-finding'))
);
