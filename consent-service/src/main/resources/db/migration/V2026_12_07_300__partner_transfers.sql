-- 3.3.c: the partner's APPROVED cross-border transfers, as partner-registry publishes them
-- (partner.transfers-changed, snapshots). Replaced as a whole when transfers_version is newer, like
-- the scope. A consent naming a recipient in another country than the partner's is recorded only
-- when one of them covers the recipient's country and the decision's categories.
ALTER TABLE partner_projection ADD COLUMN transfers_version BIGINT NOT NULL DEFAULT -1;

CREATE TABLE partner_transfer (
    partner_id           UUID     NOT NULL REFERENCES partner_projection (partner_id),
    transfer_id          UUID     NOT NULL,
    destination_country  CHAR(2)  NOT NULL,
    categories           TEXT[]   NOT NULL,
    PRIMARY KEY (partner_id, transfer_id)
);

CREATE INDEX partner_transfer_country ON partner_transfer (partner_id, destination_country);
