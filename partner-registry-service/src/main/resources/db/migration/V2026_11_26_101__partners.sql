-- Partners, their named security officer (3.4.d), status history and permitted scope (3.1.a-b, 3.2.a).
CREATE TABLE partner (
    id                      UUID         PRIMARY KEY,
    legal_name              TEXT         NOT NULL,
    jurisdiction            CHAR(2)      NOT NULL,
    oidc_client_id          TEXT         NOT NULL UNIQUE,
    contact_name            TEXT         NOT NULL,
    contact_email           TEXT         NOT NULL,
    contact_phone           TEXT,
    status                  TEXT         NOT NULL,
    status_reason           TEXT,
    status_changed_at       TIMESTAMPTZ  NOT NULL,
    officer_name            TEXT,
    officer_email           TEXT,
    officer_phone           TEXT,
    officer_department      TEXT,
    officer_updated_at      TIMESTAMPTZ,
    adm_authorized          BOOLEAN      NOT NULL DEFAULT FALSE,
    adm_reason              TEXT,
    adm_changed_at          TIMESTAMPTZ,
    scope_version           INTEGER      NOT NULL DEFAULT 0,
    created_at              TIMESTAMPTZ  NOT NULL,
    updated_at              TIMESTAMPTZ  NOT NULL,
    version                 BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT partner_status_known CHECK (status IN ('PENDING', 'ACTIVE', 'SUSPENDED', 'TERMINATED'))
);

CREATE INDEX partner_list ON partner (created_at, id);
CREATE INDEX partner_status ON partner (status);

CREATE TABLE partner_status_change (
    id           UUID         PRIMARY KEY,
    partner_id   UUID         NOT NULL REFERENCES partner (id),
    from_status  TEXT         NOT NULL,
    to_status    TEXT         NOT NULL,
    reason       TEXT         NOT NULL,
    actor        TEXT         NOT NULL,
    changed_at   TIMESTAMPTZ  NOT NULL
);

CREATE INDEX partner_status_change_partner ON partner_status_change (partner_id, changed_at);

CREATE TABLE partner_scope_entry (
    partner_id  UUID  NOT NULL REFERENCES partner (id),
    purpose     TEXT  NOT NULL,
    category    TEXT  NOT NULL,
    PRIMARY KEY (partner_id, purpose, category)
);
