-- Retention of the platform tables (platform-commons' StorePurger, docs/data-stores.md): sent
-- outbox rows and old inbox ids are deleted on a schedule; these indexes find them without a scan.
CREATE INDEX platform_outbox_sent ON platform_outbox (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX platform_inbox_processed ON platform_inbox (processed_at);
