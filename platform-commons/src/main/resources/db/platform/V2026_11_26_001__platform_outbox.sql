-- Transactional outbox (DESIGN.md "Events"): rows are written in the business transaction
-- and published by OutboxRelay with publisher confirms; sent_at is set only after the confirm.
CREATE TABLE platform_outbox (
    seq            BIGSERIAL    PRIMARY KEY,
    id             UUID         NOT NULL UNIQUE,
    type           TEXT         NOT NULL,
    source         TEXT         NOT NULL,
    subject        TEXT         NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    payload        JSONB        NOT NULL,
    sent_at        TIMESTAMPTZ,
    attempts       INTEGER      NOT NULL DEFAULT 0,
    last_error     TEXT
);

CREATE INDEX platform_outbox_pending ON platform_outbox (seq) WHERE sent_at IS NULL;

-- Wakes the relay at commit time (LISTEN platform_outbox); a slow poll remains the fallback.
CREATE FUNCTION platform_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('platform_outbox', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER platform_outbox_inserted
    AFTER INSERT ON platform_outbox
    FOR EACH STATEMENT EXECUTE FUNCTION platform_outbox_notify();
