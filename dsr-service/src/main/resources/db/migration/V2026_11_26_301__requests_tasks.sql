-- Data-subject requests (3.5), the partner tasks they fan out into, their timeline, revocation
-- targets, access exports (sealed) and the dedupe marks of overdue events.
CREATE TABLE dsr_request (
    id                           UUID         PRIMARY KEY,
    subject_id                   TEXT         NOT NULL,
    type                         TEXT         NOT NULL,
    origin                       TEXT         NOT NULL,
    origin_ref                   UUID,                      -- terminated partner / breach incident
    status                       TEXT         NOT NULL,
    outcome                      TEXT,
    submitted_by                 TEXT         NOT NULL,     -- pseudonymous actor
    on_behalf_partner_id         UUID,
    requested_partner_ids        TEXT[],                    -- NULL: every partner holding the subject's data
    jurisdiction                 CHAR(2),
    policy_id                    TEXT         NOT NULL,
    policy_version               TEXT         NOT NULL,
    fingerprint                  TEXT         NOT NULL,     -- keyed HMAC of type, partners, changes: duplicates
    corrections_key_id           TEXT,
    corrections_nonce            BYTEA,
    corrections_sealed           BYTEA,                     -- AES-GCM, bound to the request id
    linked_request_id            UUID         REFERENCES dsr_request (id),
    submitted_at                 TIMESTAMPTZ  NOT NULL,
    received_at                  TIMESTAMPTZ,               -- clock start: submission or the subject's confirmation
    receipt_confirmation_due_on  DATE,
    original_due_on              DATE,
    due_on                       DATE,
    extended_at                  TIMESTAMPTZ,
    extension_reason             TEXT,
    extended_by                  TEXT,
    completed_at                 TIMESTAMPTZ,
    overdue_since                TIMESTAMPTZ,
    updated_at                   TIMESTAMPTZ  NOT NULL,
    version                      BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT dsr_request_type_known CHECK (type IN ('ACCESS', 'CORRECTION', 'DELETION', 'REVOKE_AUTHORIZATION')),
    CONSTRAINT dsr_request_origin_known CHECK (origin IN ('SUBJECT', 'PARTNER', 'TERMINATION', 'BREACH_ORDER')),
    CONSTRAINT dsr_request_status_known CHECK (status IN ('AWAITING_SUBJECT_CONFIRMATION', 'OPEN', 'COMPLETED',
                                                          'DECLINED', 'LINKED')),
    CONSTRAINT dsr_request_open_has_due CHECK (status <> 'OPEN' OR due_on IS NOT NULL)
);

CREATE INDEX dsr_request_list ON dsr_request (submitted_at, id);
CREATE INDEX dsr_request_subject ON dsr_request (subject_id, type, status);
CREATE INDEX dsr_request_open_due ON dsr_request (due_on) WHERE status = 'OPEN';
CREATE INDEX dsr_request_linked ON dsr_request (linked_request_id) WHERE linked_request_id IS NOT NULL;

CREATE TABLE dsr_task (
    id                     UUID         PRIMARY KEY,
    request_id             UUID         NOT NULL REFERENCES dsr_request (id),
    partner_id             UUID         NOT NULL,           -- who must act (for RECIPIENT: the disclosing partner)
    kind                   TEXT         NOT NULL,
    type                   TEXT         NOT NULL,
    subject_id             TEXT         NOT NULL,
    recipient_name         TEXT,
    recipient_country      CHAR(2),
    categories             TEXT[]       NOT NULL,
    purposes               TEXT[]       NOT NULL,
    retained_categories    TEXT[]       NOT NULL,           -- 3.5.d: kept under a recorded retention basis
    retention_basis_ids    TEXT[]       NOT NULL,
    status                 TEXT         NOT NULL,
    due_on                 DATE         NOT NULL,
    claimed_at             TIMESTAMPTZ,
    claimed_by             TEXT,
    resolved_at            TIMESTAMPTZ,
    resolved_by            TEXT,
    evidence               JSONB,
    rejection_legal_basis  TEXT,
    rejection_explanation  TEXT,
    overdue_since          TIMESTAMPTZ,
    created_at             TIMESTAMPTZ  NOT NULL,
    updated_at             TIMESTAMPTZ  NOT NULL,
    version                BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT dsr_task_kind_known CHECK (kind IN ('PARTNER', 'RECIPIENT')),
    CONSTRAINT dsr_task_status_known CHECK (status IN ('OPEN', 'CLAIMED', 'COMPLETED', 'REJECTED', 'EXEMPT')),
    CONSTRAINT dsr_task_recipient_named CHECK (kind <> 'RECIPIENT' OR recipient_name IS NOT NULL),
    CONSTRAINT dsr_task_rejection_has_basis CHECK (status <> 'REJECTED' OR rejection_legal_basis IS NOT NULL)
);

CREATE INDEX dsr_task_queue ON dsr_task (partner_id, due_on, id);
CREATE INDEX dsr_task_request ON dsr_task (request_id);
CREATE INDEX dsr_task_open_due ON dsr_task (due_on) WHERE status IN ('OPEN', 'CLAIMED');

CREATE TABLE dsr_timeline_entry (
    id          UUID         PRIMARY KEY,                   -- UUID v7: time-ordered
    request_id  UUID         NOT NULL REFERENCES dsr_request (id),
    task_id     UUID,
    partner_id  UUID,
    at          TIMESTAMPTZ  NOT NULL,
    kind        TEXT         NOT NULL,
    actor       TEXT         NOT NULL,
    detail      TEXT                                        -- never personal values
);

CREATE INDEX dsr_timeline_request ON dsr_timeline_entry (request_id, at, id);

-- REVOKE_AUTHORIZATION: the consents that were active when the request started; the request
-- completes when each is confirmed revoked (or otherwise ended) by consent-service.
CREATE TABLE revocation_target (
    request_id    UUID         NOT NULL REFERENCES dsr_request (id),
    consent_id    UUID         NOT NULL,
    partner_id    UUID         NOT NULL,
    confirmed_at  TIMESTAMPTZ,
    confirmed_as  TEXT,                                     -- REVOKED / EXPIRED
    PRIMARY KEY (request_id, consent_id)
);

CREATE INDEX revocation_target_pending ON revocation_target (consent_id) WHERE confirmed_at IS NULL;

-- ACCESS: the partner's export, sealed with AES-GCM (bound to the task id) and erased after expiry.
CREATE TABLE access_export (
    id          UUID         PRIMARY KEY,
    task_id     UUID         NOT NULL UNIQUE REFERENCES dsr_task (id),
    request_id  UUID         NOT NULL REFERENCES dsr_request (id),
    partner_id  UUID         NOT NULL,
    subject_id  TEXT         NOT NULL,
    key_id      TEXT         NOT NULL,
    nonce       BYTEA,
    sealed      BYTEA,
    size_bytes  INTEGER      NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL,
    purged_at   TIMESTAMPTZ,
    CONSTRAINT access_export_sealed_until_purged CHECK ((purged_at IS NULL) = (sealed IS NOT NULL))
);

CREATE INDEX access_export_request ON access_export (request_id);
CREATE INDEX access_export_expiry ON access_export (expires_at) WHERE purged_at IS NULL;

-- Dedupe marks of dsr.overdue: the first transaction to insert (kind, target, due date) emits it.
CREATE TABLE overdue_notice (
    kind        TEXT         NOT NULL,
    target_id   UUID         NOT NULL,
    due_on      DATE         NOT NULL,
    request_id  UUID         NOT NULL,
    partner_id  UUID,
    event_id    UUID,
    emitted_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (kind, target_id, due_on),
    CONSTRAINT overdue_notice_kind_known CHECK (kind IN ('request', 'task'))
);
