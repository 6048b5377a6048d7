CREATE TABLE test_widget (
    id           UUID     PRIMARY KEY,
    partner_id   UUID     NOT NULL,
    name         TEXT     NOT NULL,
    owner_email  TEXT,
    size         INTEGER  NOT NULL,
    version      BIGINT   NOT NULL DEFAULT 0
);

-- What the test consumer applied: applications > 1 would mean an event was applied twice.
CREATE TABLE test_effect (
    event_type    TEXT     NOT NULL,
    subject       TEXT     NOT NULL,
    n             INTEGER  NOT NULL,
    applications  INTEGER  NOT NULL,
    applied_order BIGSERIAL,
    PRIMARY KEY (event_type, subject, n)
);
