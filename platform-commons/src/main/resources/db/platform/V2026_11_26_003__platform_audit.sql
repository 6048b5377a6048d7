-- Append-only, hash-chained audit trail (policy 4.1, 1.8). Each record's hash covers its
-- fields and the previous record's hash; the single head row serialises writers and
-- remembers the last (seq, hash), so a removed tail is detected too.
CREATE TABLE platform_audit_record (
    seq           BIGINT       PRIMARY KEY,
    id            UUID         NOT NULL UNIQUE,
    recorded_at   TIMESTAMPTZ  NOT NULL,
    actor         TEXT         NOT NULL,
    actor_role    TEXT         NOT NULL,
    action        TEXT         NOT NULL,
    target_type   TEXT         NOT NULL,
    target_id     TEXT         NOT NULL,
    details       TEXT,
    prev_hash     TEXT         NOT NULL,
    hash          TEXT         NOT NULL
);

CREATE INDEX platform_audit_target ON platform_audit_record (target_type, target_id, seq);

CREATE TABLE platform_audit_head (
    id         INTEGER  PRIMARY KEY CHECK (id = 1),
    last_seq   BIGINT   NOT NULL,
    last_hash  TEXT     NOT NULL
);

INSERT INTO platform_audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Append-only at the database level as well: updates and deletes are refused.
CREATE FUNCTION platform_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'platform_audit_record is append-only';
END;
$$;

CREATE TRIGGER platform_audit_no_update_delete
    BEFORE UPDATE OR DELETE ON platform_audit_record
    FOR EACH ROW EXECUTE FUNCTION platform_audit_append_only();
