-- consent-service schema: the partner projection (fed by partner-registry events), consent
-- decisions (one row per subject x partner x purpose decision, 1.2) and their append-only history.

-- Local projection of the registry: what the record rules and the check need, without a remote call.
CREATE TABLE partner_projection (
    partner_id      UUID         PRIMARY KEY,
    status          TEXT         NOT NULL,
    jurisdiction    CHAR(2),
    scope_version   INTEGER      NOT NULL DEFAULT 0,
    adm_authorized  BOOLEAN      NOT NULL DEFAULT FALSE,
    -- time of the newest status fact applied; older status events are ignored
    status_at       TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    CONSTRAINT partner_projection_status_known CHECK (status IN ('PENDING', 'ACTIVE', 'SUSPENDED', 'TERMINATED'))
);

-- The partner's permitted (purpose, category) pairs (3.1.b, 3.2.a), replaced as a whole per scopeVersion.
CREATE TABLE partner_scope (
    partner_id  UUID  NOT NULL REFERENCES partner_projection (partner_id),
    purpose     TEXT  NOT NULL,
    category    TEXT  NOT NULL,
    PRIMARY KEY (partner_id, purpose, category)
);

-- One decision per row. The decided fields never change; only the state moves forward
-- (GRANTED -> REVOKED | EXPIRED | SUPERSEDED, REFUSED -> SUPERSEDED); each move is appended to
-- consent_history. The row is the current-state table the check reads.
CREATE TABLE consent (
    id                UUID         PRIMARY KEY,
    subject_id        TEXT         NOT NULL,
    partner_id        UUID         NOT NULL,
    purpose           TEXT         NOT NULL,
    categories        TEXT[]       NOT NULL,
    sensitive         BOOLEAN      NOT NULL,
    decision          TEXT         NOT NULL,
    state             TEXT         NOT NULL,
    legal_basis       TEXT         NOT NULL,
    method            TEXT         NOT NULL,
    notice_version    TEXT         NOT NULL,
    notice_hash       TEXT         NOT NULL,
    language          TEXT         NOT NULL,
    channel           TEXT         NOT NULL,
    jurisdiction      CHAR(2)      NOT NULL,
    collected_at      TIMESTAMPTZ  NOT NULL,
    expires_at        TIMESTAMPTZ,
    -- {"recipients": [...]}: an object, so the reactive driver maps it to a String column
    recipients        JSONB        NOT NULL DEFAULT '{"recipients": []}',
    recorded_at       TIMESTAMPTZ  NOT NULL,
    state_changed_at  TIMESTAMPTZ  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT consent_decision_known CHECK (decision IN ('GRANTED', 'REFUSED')),
    CONSTRAINT consent_state_known CHECK (state IN ('GRANTED', 'REFUSED', 'REVOKED', 'EXPIRED', 'SUPERSEDED')),
    CONSTRAINT consent_categories_present CHECK (cardinality(categories) > 0)
);

-- At most one live decision per subject x partner x purpose; a newer one supersedes it.
CREATE UNIQUE INDEX consent_live ON consent (partner_id, subject_id, purpose) WHERE state IN ('GRANTED', 'REFUSED');
-- The check's one indexed read: (partner, subject, purpose), newest first.
CREATE INDEX consent_check ON consent (partner_id, subject_id, purpose, recorded_at DESC);
CREATE INDEX consent_by_subject ON consent (subject_id, id);
CREATE INDEX consent_by_partner ON consent (partner_id, id);
CREATE INDEX consent_expiring ON consent (expires_at) WHERE state = 'GRANTED' AND expires_at IS NOT NULL;

-- Decisions are evidence: no deletes, decided fields immutable, final states final.
CREATE FUNCTION consent_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'consent decisions are never deleted';
    END IF;
    IF (NEW.id, NEW.subject_id, NEW.partner_id, NEW.purpose, NEW.categories, NEW.sensitive, NEW.decision,
        NEW.legal_basis, NEW.method, NEW.notice_version, NEW.notice_hash, NEW.language, NEW.channel,
        NEW.jurisdiction, NEW.collected_at, NEW.expires_at, NEW.recipients, NEW.recorded_at)
       IS DISTINCT FROM
       (OLD.id, OLD.subject_id, OLD.partner_id, OLD.purpose, OLD.categories, OLD.sensitive, OLD.decision,
        OLD.legal_basis, OLD.method, OLD.notice_version, OLD.notice_hash, OLD.language, OLD.channel,
        OLD.jurisdiction, OLD.collected_at, OLD.expires_at, OLD.recipients, OLD.recorded_at) THEN
        RAISE EXCEPTION 'the decided fields of a consent are immutable';
    END IF;
    IF NEW.state IS DISTINCT FROM OLD.state AND OLD.state NOT IN ('GRANTED', 'REFUSED') THEN
        RAISE EXCEPTION 'a % consent is final', OLD.state;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER consent_guarded
    BEFORE UPDATE OR DELETE ON consent
    FOR EACH ROW EXECUTE FUNCTION consent_guard();

-- Every state a consent has been in, appended (3.5.a: full history per consent).
CREATE TABLE consent_history (
    id              UUID         PRIMARY KEY,
    consent_id      UUID         NOT NULL REFERENCES consent (id),
    state           TEXT         NOT NULL,
    previous_state  TEXT,
    cause           TEXT         NOT NULL,
    reason          TEXT,
    actor           TEXT         NOT NULL,
    actor_role      TEXT         NOT NULL,
    request_id      UUID,
    superseded_by   UUID,
    at              TIMESTAMPTZ  NOT NULL
);

CREATE INDEX consent_history_consent ON consent_history (consent_id, at, id);

CREATE FUNCTION consent_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'consent_history is append-only';
END;
$$;

CREATE TRIGGER consent_history_no_update_delete
    BEFORE UPDATE OR DELETE ON consent_history
    FOR EACH ROW EXECUTE FUNCTION consent_history_append_only();
