-- Sealed correction values are erased once the request is over (completed or declined) plus
-- dsr.correction-retention (CorrectionPurger); the time of the erasure stays (docs/data-stores.md).
ALTER TABLE dsr_request ADD COLUMN corrections_purged_at TIMESTAMPTZ;
ALTER TABLE dsr_request ADD CONSTRAINT dsr_request_corrections_sealed_until_purged
    CHECK (corrections_purged_at IS NULL OR corrections_sealed IS NULL);
-- The resealer finds values sealed with an earlier key without a scan.
CREATE INDEX dsr_request_corrections_key ON dsr_request (corrections_key_id) WHERE corrections_sealed IS NOT NULL;
CREATE INDEX access_export_key ON access_export (key_id) WHERE sealed IS NOT NULL;
