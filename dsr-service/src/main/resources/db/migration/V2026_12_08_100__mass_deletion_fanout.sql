-- Issue 18.1: a mass deletion order (3.5.d termination, 3.4.j breach) fans out in chunks, each a short
-- transaction of its own, instead of one inbox transaction for every subject the partner holds.
-- The consumed event records the fan-out here (with deletion_order, in the inbox transaction); each
-- chunk locks this row (FOR UPDATE SKIP LOCKED: one worker per order), opens the requests of the next
-- subjects after the cursor and advances it in the same transaction. A crash or a redelivery resumes
-- from the cursor; nothing else locks this row, so the service's endpoints never wait for a chunk.
CREATE TABLE deletion_fanout (
    kind           TEXT         NOT NULL,
    ref            UUID         NOT NULL,
    partner_id     UUID         NOT NULL,
    effective_at   TIMESTAMPTZ  NOT NULL,                   -- TERMINATION: retention evidence predates it
    after_subject  TEXT,                                    -- cursor: subjects up to it are done; NULL once finished
    subjects       INTEGER      NOT NULL DEFAULT 0,
    requests       INTEGER      NOT NULL DEFAULT 0,
    chunks         INTEGER      NOT NULL DEFAULT 0,
    started_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    finished_at    TIMESTAMPTZ,
    PRIMARY KEY (kind, ref, partner_id),
    FOREIGN KEY (kind, ref, partner_id) REFERENCES deletion_order (kind, ref, partner_id),
    CONSTRAINT deletion_fanout_cursor CHECK ((finished_at IS NULL) = (after_subject IS NOT NULL))
);
CREATE INDEX deletion_fanout_unfinished ON deletion_fanout (started_at) WHERE finished_at IS NULL;

-- Exactly one request per subject and order, whatever happens to the chunks (a termination's origin_ref
-- is the partner, a breach order's the incident, which is one partner's). Also serves TerminationWork's
-- count of a termination's open requests.
CREATE UNIQUE INDEX dsr_request_ordered_subject ON dsr_request (origin, origin_ref, subject_id)
    WHERE origin IN ('TERMINATION', 'BREACH_ORDER');
