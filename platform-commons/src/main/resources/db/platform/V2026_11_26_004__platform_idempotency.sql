-- Idempotency-Key replay store (API-CONVENTIONS.md "Retries"): the first answer to a create
-- is kept for a day and replayed for the same key and request; the row is reserved at the
-- start of the business transaction, so concurrent retries wait for the first and replay it.
CREATE TABLE platform_idempotency (
    caller        TEXT         NOT NULL,
    key           TEXT         NOT NULL,
    request_hash  TEXT         NOT NULL,
    status        INTEGER,
    location      TEXT,
    body          TEXT,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);

CREATE INDEX platform_idempotency_created ON platform_idempotency (created_at);
