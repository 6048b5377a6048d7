-- Inbox of idempotent consumers: the processed event id commits in the same transaction
-- as the handler's work, so a redelivered event is recognised and skipped.
CREATE TABLE platform_inbox (
    consumer      TEXT         NOT NULL,
    event_id      UUID         NOT NULL,
    event_type    TEXT         NOT NULL,
    processed_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
