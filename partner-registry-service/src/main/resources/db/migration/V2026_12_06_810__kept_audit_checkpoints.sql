-- The platform's signed audit checkpoints, kept outside the services that signed them (issue 16):
-- every audit.checkpoint-signed event of every service, stored as received. Whoever holds one
-- service's database credentials can rewrite that service's chain and its own copy of the
-- checkpoints, but not these; auditors fetch them here (GET /audit-checkpoints) and have the
-- service verify its chain against them (POST /audit-records/verification).
CREATE TABLE kept_audit_checkpoint (
    id           UUID         PRIMARY KEY,
    source       TEXT         NOT NULL,
    seq          BIGINT       NOT NULL,
    hash         TEXT         NOT NULL,
    signed_at    TIMESTAMPTZ  NOT NULL,
    key_id       TEXT         NOT NULL,
    algorithm    TEXT         NOT NULL,
    signature    TEXT         NOT NULL,
    received_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX kept_audit_checkpoint_by_source ON kept_audit_checkpoint (source, id);
