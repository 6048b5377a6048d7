-- Issue 20.3: proof of erasure (3.5.c). When a DELETION task completes, the service signs a deletion
-- attestation (a JWS) of the partner's declaration and of the platform's record of it, and keeps it so
-- the subject can download it later and anyone can verify it with /deletion-attestations/jwks.json.
-- One per task; kept with the request (docs/data-stores.md).
CREATE TABLE deletion_attestation (
    id          UUID         PRIMARY KEY,
    task_id     UUID         NOT NULL UNIQUE REFERENCES dsr_task (id),
    request_id  UUID         NOT NULL,
    partner_id  UUID         NOT NULL,
    subject_id  TEXT         NOT NULL,
    key_id      TEXT         NOT NULL,
    jws         TEXT         NOT NULL,
    issued_at   TIMESTAMPTZ  NOT NULL
);

CREATE INDEX deletion_attestation_request ON deletion_attestation (request_id, issued_at, id);
