-- Issue 14.4: deadlines follow the jurisdictions of the consents a task rests on (the partner's where a
-- consent names none), never the submitter's choice; the earliest wins; recipient tasks get their own
-- short deadline (dsr.recipient-deadline) at the precision of an instant.

-- The law each consent was collected under (consent.granted's jurisdiction); NULL: not announced.
ALTER TABLE consent_holding ADD COLUMN jurisdiction CHAR(2);

-- Projection of partner.activated / partner.scope-changed: the partner's jurisdiction.
CREATE TABLE partner_jurisdiction (
    partner_id    UUID         PRIMARY KEY,
    jurisdiction  CHAR(2)      NOT NULL,
    as_of         TIMESTAMPTZ  NOT NULL,                   -- the event's time: older events never win
    updated_at    TIMESTAMPTZ  NOT NULL
);

-- Each task carries its own deadline: the policy and jurisdiction that set it, every jurisdiction it was
-- chosen from, its first due day, how far one extension may move it, and its last instant.
ALTER TABLE dsr_task
    ADD COLUMN policy_id        TEXT,                      -- NULL: a RECIPIENT task (dsr.recipient-deadline)
    ADD COLUMN jurisdiction     CHAR(2),
    ADD COLUMN jurisdictions    TEXT[]       NOT NULL DEFAULT '{}',
    ADD COLUMN original_due_on  DATE,
    ADD COLUMN latest_due_on    DATE,                      -- NULL: no extension possible
    ADD COLUMN due_at           TIMESTAMPTZ;

-- The request: every jurisdiction its deadlines follow, and (for a request without tasks) its limit.
ALTER TABLE dsr_request
    ADD COLUMN jurisdictions    TEXT[]       NOT NULL DEFAULT '{}',
    ADD COLUMN latest_due_on    DATE;

-- Existing rows: the request's deadline was the task's; the end of the due day its last instant. The
-- extension limit is recomputed for the policies that allow one (GDPR/UK GDPR: 3 months from receipt,
-- moved off a weekend - not off a configured holiday, so never later than the law; CCPA: 90 days).
UPDATE dsr_request SET jurisdictions = ARRAY[jurisdiction::text] WHERE jurisdiction IS NOT NULL;
UPDATE dsr_request r SET latest_due_on = CASE
        WHEN r.policy_id IN ('GDPR', 'UK_GDPR') THEN l.d + CASE extract(isodow FROM l.d) WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END
        WHEN r.policy_id = 'CCPA' THEN CAST(r.received_at AT TIME ZONE 'UTC' AS date) + 90
    END
FROM (SELECT id, CAST(CAST(received_at AT TIME ZONE 'UTC' AS date) + interval '3 months' AS date) AS d
      FROM dsr_request WHERE received_at IS NOT NULL) l
WHERE l.id = r.id AND r.extended_at IS NULL;
UPDATE dsr_task t SET policy_id = r.policy_id, jurisdiction = r.jurisdiction, jurisdictions = r.jurisdictions,
        original_due_on = coalesce(r.original_due_on, t.due_on),
        latest_due_on = CASE WHEN t.kind = 'PARTNER' THEN r.latest_due_on END,
        due_at = CAST(t.due_on + 1 AS timestamp) AT TIME ZONE 'UTC' - interval '1 second'
FROM dsr_request r WHERE r.id = t.request_id;

ALTER TABLE dsr_task
    ALTER COLUMN original_due_on SET NOT NULL,
    ALTER COLUMN due_at SET NOT NULL,
    ADD CONSTRAINT dsr_task_policy_unless_recipient CHECK (kind = 'RECIPIENT' OR policy_id IS NOT NULL);

CREATE INDEX dsr_task_open_due_at ON dsr_task (due_at) WHERE status IN ('OPEN', 'CLAIMED');
