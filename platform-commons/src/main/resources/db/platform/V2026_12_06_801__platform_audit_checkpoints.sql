-- Signed checkpoints of the audit chain (issue 16): the head (seq, hash) signed with a key that is
-- not in the database (platform.audit.checkpoints.*, from a secret). This table is the service's
-- own copy; every checkpoint is also published as an audit.checkpoint-signed event, kept by
-- another service (the partner registry) and, where configured, written to object storage. A
-- chain rewritten and re-hashed by someone holding the database credentials no longer matches
-- the signed hashes.
CREATE TABLE platform_audit_checkpoint (
    id          UUID         PRIMARY KEY,
    source      TEXT         NOT NULL,
    seq         BIGINT       NOT NULL,
    hash        TEXT         NOT NULL,
    signed_at   TIMESTAMPTZ  NOT NULL,
    key_id      TEXT         NOT NULL,
    algorithm   TEXT         NOT NULL,
    signature   TEXT         NOT NULL
);

CREATE INDEX platform_audit_checkpoint_seq ON platform_audit_checkpoint (seq, signed_at);
