-- Incidents reported by partners (5.1), their notification duties with clocks, the incident
-- timeline, and the platform's emergency and deletion orders (3.4.j).
-- Lists (categories, jurisdictions, severity reasons) are JSON arrays in TEXT columns: the
-- reactive client decodes jsonb into JSON objects only.
CREATE TABLE incident (
    id                      UUID         PRIMARY KEY,
    partner_id              UUID         NOT NULL,
    kind                    TEXT         NOT NULL,
    state                   TEXT         NOT NULL,
    discovered_at           TIMESTAMPTZ  NOT NULL,
    occurred_at             TIMESTAMPTZ,
    reported_at             TIMESTAMPTZ  NOT NULL,
    late_report             BOOLEAN      NOT NULL,
    description             TEXT         NOT NULL,
    categories              TEXT         NOT NULL,
    affected_subjects       BIGINT,
    sensitive_data          BOOLEAN      NOT NULL,
    data_encrypted          BOOLEAN,
    containment_measures    TEXT,
    jurisdictions           TEXT         NOT NULL,
    derived_severity        TEXT         NOT NULL,
    severity_reasons        TEXT         NOT NULL,
    override_severity       TEXT,
    override_justification  TEXT,
    overridden_by           TEXT,
    overridden_at           TIMESTAMPTZ,
    severity                TEXT         NOT NULL,
    update_count            INTEGER      NOT NULL DEFAULT 0,
    closed_at               TIMESTAMPTZ,
    closed_by               TEXT,
    remediation_summary     TEXT,
    created_at              TIMESTAMPTZ  NOT NULL,
    updated_at              TIMESTAMPTZ  NOT NULL,
    version                 BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT incident_kind_known CHECK (kind IN ('POLICY_VIOLATION', 'SUSPECTED_BREACH', 'CONFIRMED_BREACH')),
    CONSTRAINT incident_state_known CHECK (state IN ('OPEN', 'CLOSED')),
    CONSTRAINT incident_severity_known CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    CONSTRAINT incident_closed_has_summary CHECK (state = 'OPEN' OR remediation_summary IS NOT NULL),
    CONSTRAINT incident_subjects_not_negative CHECK (affected_subjects IS NULL OR affected_subjects >= 0)
);

CREATE INDEX incident_partner ON incident (partner_id, id);
CREATE INDEX incident_state_severity ON incident (state, severity, id);

CREATE TABLE notification_duty (
    id                   UUID         PRIMARY KEY,
    incident_id          UUID         NOT NULL REFERENCES incident (id),
    rule_id              TEXT         NOT NULL,
    rule_version         TEXT         NOT NULL,
    regime               TEXT         NOT NULL,
    jurisdictions        TEXT         NOT NULL,
    recipient            TEXT         NOT NULL,
    title                TEXT         NOT NULL,
    source               TEXT         NOT NULL,
    due_window           TEXT         NOT NULL,
    window_basis         TEXT         NOT NULL,
    due_at               TIMESTAMPTZ  NOT NULL,
    warn_at              TIMESTAMPTZ  NOT NULL,
    state                TEXT         NOT NULL,
    decided_by           TEXT,
    not_required_reason  TEXT,
    reference            TEXT,
    completed_at         TIMESTAMPTZ,
    due_notified_at      TIMESTAMPTZ,
    lapsed_notified_at   TIMESTAMPTZ,
    created_at           TIMESTAMPTZ  NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT duty_state_known CHECK (state IN ('PENDING', 'DONE', 'NOT_REQUIRED')),
    CONSTRAINT duty_done_has_reference CHECK (state <> 'DONE' OR (reference IS NOT NULL AND completed_at IS NOT NULL)),
    CONSTRAINT duty_not_required_has_reason CHECK (state <> 'NOT_REQUIRED' OR not_required_reason IS NOT NULL),
    UNIQUE (incident_id, rule_id)
);

-- the escalation scan reads pending duties by their warning and due times
CREATE INDEX notification_duty_pending ON notification_duty (warn_at) WHERE state = 'PENDING';

-- One ordered timeline per incident; append-only like the audit trail it mirrors.
CREATE TABLE timeline_entry (
    seq          BIGSERIAL    PRIMARY KEY,
    id           UUID         NOT NULL UNIQUE,
    incident_id  UUID         NOT NULL REFERENCES incident (id),
    recorded_at  TIMESTAMPTZ  NOT NULL,
    category     TEXT         NOT NULL,
    kind         TEXT         NOT NULL,
    actor        TEXT         NOT NULL,
    actor_role   TEXT         NOT NULL,
    summary      TEXT         NOT NULL,
    note         TEXT,
    data         JSONB,
    CONSTRAINT timeline_category_known CHECK (category IN ('FACT', 'DECISION', 'NOTIFICATION', 'MEASURE'))
);

CREATE INDEX timeline_entry_incident ON timeline_entry (incident_id, seq);

CREATE FUNCTION timeline_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'timeline_entry is append-only';
END;
$$;

CREATE TRIGGER timeline_entry_no_update_delete
    BEFORE UPDATE OR DELETE ON timeline_entry
    FOR EACH ROW EXECUTE FUNCTION timeline_entry_append_only();

CREATE TABLE emergency_order (
    id                   UUID         PRIMARY KEY,
    partner_id           UUID         NOT NULL,
    incident_id          UUID         REFERENCES incident (id),
    kind                 TEXT         NOT NULL,
    requests_per_second  INTEGER,
    requests_per_period  INTEGER,
    period               TEXT,
    expires_at           TIMESTAMPTZ,
    reason               TEXT         NOT NULL,
    state                TEXT         NOT NULL,
    ordered_by           TEXT         NOT NULL,
    ordered_at           TIMESTAMPTZ  NOT NULL,
    ended_at             TIMESTAMPTZ,
    ended_by             TEXT,
    end_reason           TEXT,
    version              BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT emergency_order_kind_known CHECK (kind IN ('TEMPORARY_CLOSURE', 'FLOW_RESTRAINT', 'FREQUENCY_RESTRAINT',
        'DATA_ACCESS_SUSPENSION')),
    CONSTRAINT emergency_order_state_known CHECK (state IN ('ACTIVE', 'LIFTED', 'EXPIRED')),
    CONSTRAINT emergency_order_flow_limit CHECK (kind <> 'FLOW_RESTRAINT' OR requests_per_second > 0),
    CONSTRAINT emergency_order_frequency_limit CHECK (kind <> 'FREQUENCY_RESTRAINT'
        OR (requests_per_period > 0 AND period IS NOT NULL))
);

-- one active order of each kind per partner: lift it before ordering a different limit
CREATE UNIQUE INDEX emergency_order_one_active ON emergency_order (partner_id, kind) WHERE state = 'ACTIVE';
CREATE INDEX emergency_order_partner ON emergency_order (partner_id, id);
CREATE INDEX emergency_order_expiry ON emergency_order (expires_at) WHERE state = 'ACTIVE';

CREATE TABLE deletion_order (
    id           UUID         PRIMARY KEY,
    incident_id  UUID         NOT NULL REFERENCES incident (id),
    partner_id   UUID         NOT NULL,
    categories   TEXT         NOT NULL,
    reason       TEXT         NOT NULL,
    ordered_by   TEXT         NOT NULL,
    ordered_at   TIMESTAMPTZ  NOT NULL
);

CREATE INDEX deletion_order_incident ON deletion_order (incident_id, id);
