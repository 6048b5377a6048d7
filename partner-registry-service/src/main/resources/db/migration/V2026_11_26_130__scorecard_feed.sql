-- 4.6: what other services tell the registry about a partner, for its scorecard: incidents
-- (breach-service: open, reported late to the platform, 5.1) and overdue request tasks
-- (dsr-service, 3.5). Keyed by the source object, so a redelivered event changes nothing.
CREATE TABLE scorecard_incident (
    incident_id  UUID         PRIMARY KEY,
    partner_id   UUID         NOT NULL,
    open         BOOLEAN      NOT NULL,
    late_report  BOOLEAN      NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);

CREATE INDEX scorecard_incident_partner ON scorecard_incident (partner_id);

CREATE TABLE scorecard_overdue_task (
    task_id     UUID         PRIMARY KEY,
    partner_id  UUID         NOT NULL,
    open        BOOLEAN      NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);

CREATE INDEX scorecard_overdue_task_partner ON scorecard_overdue_task (partner_id);
