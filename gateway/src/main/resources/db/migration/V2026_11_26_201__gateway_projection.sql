-- The gateway's local projection of what restricts a partner (3.4.j, 4.6): its lifecycle status
-- from partner-registry events and the emergency orders from breach-service events.
CREATE TABLE gateway_partner_status (
    partner_id  UUID         PRIMARY KEY,
    status      TEXT         NOT NULL,
    reason      TEXT,
    updated_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE gateway_restriction (
    order_id             UUID         PRIMARY KEY,
    partner_id           UUID         NOT NULL,
    kind                 TEXT         NOT NULL,
    requests_per_second  INTEGER,
    requests_per_period  INTEGER,
    period               TEXT,
    expires_at           TIMESTAMPTZ,
    reason               TEXT,
    active               BOOLEAN      NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL
);

CREATE INDEX gateway_restriction_partner ON gateway_restriction (partner_id) WHERE active;
