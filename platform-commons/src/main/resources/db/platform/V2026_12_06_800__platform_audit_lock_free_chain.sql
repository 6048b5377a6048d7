-- Lock-free appends to the audit trail (issue 16). Writers no longer lock the head row: each
-- transaction inserts its records with an append sequence (append_seq, drawn at insert time) and
-- no chain fields. One chainer at a time (AuditChainer: advisory lock + the head row, which only
-- the chainer writes now) links committed records shortly after, in the order it sees them
-- committed: it fills seq, prev_hash and hash exactly once. A record whose chain fields are
-- empty is "not chained yet", never "missing": the chainer picks every such committed record,
-- so one that commits late (with a smaller append_seq) is linked by the next run, not skipped.

ALTER TABLE platform_audit_record DISABLE TRIGGER platform_audit_no_update_delete;

CREATE SEQUENCE platform_audit_append_seq AS BIGINT;
ALTER TABLE platform_audit_record ADD COLUMN append_seq BIGINT;
UPDATE platform_audit_record SET append_seq = seq;
SELECT setval('platform_audit_append_seq', COALESCE(max(append_seq), 0) + 1, false) FROM platform_audit_record;
ALTER SEQUENCE platform_audit_append_seq OWNED BY platform_audit_record.append_seq;
ALTER TABLE platform_audit_record
    ALTER COLUMN append_seq SET DEFAULT nextval('platform_audit_append_seq'),
    ALTER COLUMN append_seq SET NOT NULL,
    DROP CONSTRAINT platform_audit_record_pkey,
    ADD PRIMARY KEY (append_seq),
    ALTER COLUMN seq DROP NOT NULL,
    ALTER COLUMN prev_hash DROP NOT NULL,
    ALTER COLUMN hash DROP NOT NULL,
    ADD CONSTRAINT platform_audit_seq_unique UNIQUE (seq),
    ADD CONSTRAINT platform_audit_chained_whole
        CHECK ((seq IS NULL) = (hash IS NULL) AND (seq IS NULL) = (prev_hash IS NULL));

-- the chainer's work list: records not chained yet, in append order
CREATE INDEX platform_audit_unchained ON platform_audit_record (append_seq) WHERE seq IS NULL;

ALTER TABLE platform_audit_record ENABLE TRIGGER platform_audit_no_update_delete;

-- Still append-only: the one update allowed is the chainer linking a record once (chain fields
-- from empty to set, every other field unchanged). Editing, re-linking and deleting are refused.
CREATE OR REPLACE FUNCTION platform_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
            AND (NEW.append_seq, NEW.id, NEW.recorded_at, NEW.actor, NEW.actor_role, NEW.action,
                 NEW.target_type, NEW.target_id, NEW.details)
                IS NOT DISTINCT FROM (OLD.append_seq, OLD.id, OLD.recorded_at, OLD.actor, OLD.actor_role,
                 OLD.action, OLD.target_type, OLD.target_id, OLD.details) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'platform_audit_record is append-only';
END;
$$;

-- Wakes the chainer at commit (LISTEN platform_audit); a slow poll remains the fallback.
CREATE FUNCTION platform_audit_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('platform_audit', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER platform_audit_appended
    AFTER INSERT ON platform_audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION platform_audit_notify();
