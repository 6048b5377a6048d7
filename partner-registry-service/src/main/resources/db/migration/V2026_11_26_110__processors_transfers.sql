-- Entrusted processors / sub-processors (3.3.b) and cross-border transfers (3.3.c) of a partner.
-- Purposes and categories are vocabulary ids kept as TEXT[] (deduplicated, in the order sent).

CREATE TABLE partner_processor (
    id                       UUID         PRIMARY KEY,
    partner_id               UUID         NOT NULL REFERENCES partner (id),
    name                     TEXT         NOT NULL,
    country                  CHAR(2)      NOT NULL,
    purposes                 TEXT[]       NOT NULL,
    categories               TEXT[]       NOT NULL,
    legal_basis              TEXT         NOT NULL,
    legal_basis_detail       TEXT,
    -- 3.3.b: the entrusted party's equivalent-protection attestation (all four or none)
    attested_by              TEXT,
    attested_at              TIMESTAMPTZ,
    attestation_document     TEXT,
    attestation_recorded_at  TIMESTAMPTZ,
    status                   TEXT         NOT NULL,
    status_reason            TEXT,
    status_changed_at        TIMESTAMPTZ  NOT NULL,
    status_changed_by        TEXT         NOT NULL,
    created_at               TIMESTAMPTZ  NOT NULL,
    updated_at               TIMESTAMPTZ  NOT NULL,
    version                  BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT partner_processor_status_known CHECK (status IN ('PROPOSED', 'ACTIVE', 'WITHDRAWN')),
    CONSTRAINT partner_processor_scope_present CHECK (cardinality(purposes) > 0 AND cardinality(categories) > 0),
    CONSTRAINT partner_processor_attestation_whole CHECK (
        (attested_by IS NULL AND attested_at IS NULL AND attestation_document IS NULL AND attestation_recorded_at IS NULL)
        OR (attested_by IS NOT NULL AND attested_at IS NOT NULL AND attestation_document IS NOT NULL
            AND attestation_recorded_at IS NOT NULL)),
    CONSTRAINT partner_processor_active_attested CHECK (status <> 'ACTIVE' OR attested_by IS NOT NULL)
);

-- keyset pages per partner (ids are time-ordered UUID v7)
CREATE INDEX partner_processor_list ON partner_processor (partner_id, id);

CREATE TABLE partner_transfer (
    id                   UUID         PRIMARY KEY,
    partner_id           UUID         NOT NULL REFERENCES partner (id),
    destination_country  CHAR(2)      NOT NULL,
    recipient            TEXT         NOT NULL,
    categories           TEXT[]       NOT NULL,
    legal_mechanism      TEXT         NOT NULL,
    status               TEXT         NOT NULL,
    status_reason        TEXT,
    status_changed_at    TIMESTAMPTZ  NOT NULL,
    status_changed_by    TEXT         NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT partner_transfer_status_known
        CHECK (status IN ('PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'REVOKED')),
    CONSTRAINT partner_transfer_categories_present CHECK (cardinality(categories) > 0)
);

CREATE INDEX partner_transfer_list ON partner_transfer (partner_id, id);
-- 3.3.c: "is there an APPROVED transfer to this country" is asked on every processor approval
CREATE INDEX partner_transfer_approved ON partner_transfer (partner_id, destination_country)
    WHERE status = 'APPROVED';
