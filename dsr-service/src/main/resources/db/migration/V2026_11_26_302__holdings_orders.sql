-- Projection of consent-service's events: which partner obtained which subject's data, for which
-- purpose and categories, disclosed to which recipients. Rows stay after revocation or expiry:
-- the partner obtained the data all the same (fan-out of deletion, 3.5.d).
CREATE TABLE consent_holding (
    consent_id           UUID         PRIMARY KEY,
    partner_id           UUID         NOT NULL,
    subject_id           TEXT         NOT NULL,
    purpose              TEXT,
    categories           TEXT[]       NOT NULL,
    recipients           TEXT         NOT NULL,              -- JSON [{"name": ..., "country": ...}]
    status               TEXT         NOT NULL,
    granted_at           TIMESTAMPTZ,
    ended_at             TIMESTAMPTZ,
    ended_by_request_id  UUID,
    updated_at           TIMESTAMPTZ  NOT NULL,
    CONSTRAINT consent_holding_status_known CHECK (status IN ('ACTIVE', 'REVOKED', 'EXPIRED'))
);

CREATE INDEX consent_holding_subject ON consent_holding (subject_id, partner_id);
CREATE INDEX consent_holding_partner ON consent_holding (partner_id, subject_id);

-- 3.5.d: legal bases on which a partner keeps a subject's data, or a category, after termination.
CREATE TABLE retention_basis (
    id           UUID         PRIMARY KEY,
    partner_id   UUID         NOT NULL,
    subject_id   TEXT,
    category     TEXT,
    legal_basis  TEXT         NOT NULL,
    explanation  TEXT         NOT NULL,
    recorded_by  TEXT         NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT retention_basis_targeted CHECK (subject_id IS NOT NULL OR category IS NOT NULL)
);

CREATE INDEX retention_basis_partner ON retention_basis (partner_id, recorded_at, id);

-- Mass deletions the platform ordered: a partner's termination (3.5.d) or a breach order (3.4.j);
-- the primary key makes a redelivered or repeated order fan out only once.
CREATE TABLE deletion_order (
    kind        TEXT         NOT NULL,
    ref         UUID         NOT NULL,                       -- TERMINATION: the partner; BREACH: the incident
    partner_id  UUID         NOT NULL,
    categories  TEXT[]       NOT NULL,
    reason      TEXT,
    event_id    UUID         NOT NULL,
    ordered_at  TIMESTAMPTZ  NOT NULL,
    requests    INTEGER      NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, ref, partner_id),
    CONSTRAINT deletion_order_kind_known CHECK (kind IN ('TERMINATION', 'BREACH'))
);
