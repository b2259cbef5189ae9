-- Schema 6: sync bundles (maskcheck-sync; design in ARCHITECTURE.md, "Sync").
-- 1. Every change to a synced row is numbered in `change_log` (by trigger, so no write path can forget it): a bundle
--    carries the rows changed after the number the recipient acknowledged.
-- 2. Roster rows merge per field: `field_version` holds each field's clock and the clock it replaced, written by
--    trigger on every local insert and update (and by the import itself, which sets `sync_state.applying`).
-- 3. Peers (enrolled devices, the pinned bureau), bundles sent and received, acknowledgements, the conflicts a
--    person decides and the quarantine of rows that were not applied.
-- 4. Number blocks name the device they are for (NULL: this device's own) and the document kind (NULL: every
--    kind), so the bureau assigns them per device and kind and they travel in its bundles.

CREATE TABLE sync_state (
  one      INTEGER PRIMARY KEY CHECK (one = 1),
  applying INTEGER NOT NULL CHECK (applying IN (0, 1))
) STRICT;
INSERT INTO sync_state (one, applying) VALUES (1, 0);

CREATE TABLE change_log (
  seq    INTEGER PRIMARY KEY AUTOINCREMENT,
  tbl    TEXT NOT NULL,
  row_id TEXT NOT NULL,
  -- 1: made on this device; 0: applied from a bundle (a laptop does not send those back).
  local  INTEGER NOT NULL DEFAULT 1 CHECK (local IN (0, 1))
) STRICT;
CREATE INDEX change_log_row ON change_log (tbl, row_id);

CREATE TABLE field_version (
  tbl     TEXT NOT NULL,
  row_id  TEXT NOT NULL,
  field   TEXT NOT NULL,
  version TEXT NOT NULL,
  base    TEXT,
  PRIMARY KEY (tbl, row_id, field)
) STRICT, WITHOUT ROWID;

CREATE TABLE peer (
  device_id     TEXT PRIMARY KEY,
  role          TEXT NOT NULL CHECK (role IN ('inspector', 'bureau')),
  card          TEXT NOT NULL CHECK (json_valid(card)),
  fingerprint   TEXT NOT NULL,
  -- enrolled: registered here by fingerprint; bureau: the pinned bureau; registry: from the bureau's registry.
  trust         TEXT NOT NULL CHECK (trust IN ('enrolled', 'bureau', 'registry')),
  enrolled_at   TEXT NOT NULL,
  revoked_at    TEXT,
  revoke_reason TEXT,
  -- Our change number this peer has acknowledged: the next bundle to it starts after it.
  acked_change  INTEGER NOT NULL DEFAULT 0,
  -- The last bundle number we sent to it.
  sent_seq      INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE bundle_in (
  bundle_id      TEXT PRIMARY KEY,
  sender         TEXT NOT NULL,
  seq            INTEGER NOT NULL,
  from_change    INTEGER NOT NULL,
  through_change INTEGER NOT NULL,
  received_at    TEXT NOT NULL,
  counts         TEXT NOT NULL CHECK (json_valid(counts)),
  UNIQUE (sender, seq)
) STRICT;

CREATE TABLE bundle_out (
  bundle_id      TEXT PRIMARY KEY,
  recipient      TEXT NOT NULL,
  seq            INTEGER NOT NULL,
  from_change    INTEGER NOT NULL,
  through_change INTEGER NOT NULL,
  created_at     TEXT NOT NULL,
  rows           INTEGER NOT NULL,
  attachments    INTEGER NOT NULL
) STRICT;

CREATE TABLE sync_conflict (
  rid          INTEGER PRIMARY KEY,
  tbl          TEXT NOT NULL,
  row_id       TEXT NOT NULL,
  field        TEXT NOT NULL,
  kept_value   TEXT,
  kept_version TEXT NOT NULL,
  lost_value   TEXT,
  lost_version TEXT NOT NULL,
  bundle_id    TEXT NOT NULL,
  found_at     TEXT NOT NULL,
  resolved_at  TEXT,
  UNIQUE (tbl, row_id, field, lost_version)
) STRICT;

CREATE TABLE quarantine (
  rid       INTEGER PRIMARY KEY,
  bundle_id TEXT NOT NULL,
  tbl       TEXT NOT NULL,
  row_id    TEXT NOT NULL,
  -- A code (maskcheck_sync::QuarantineReason) the window words in its language, and what it is about.
  reason    TEXT NOT NULL,
  detail    TEXT NOT NULL DEFAULT '',
  row       TEXT NOT NULL CHECK (json_valid(row)),
  found_at  TEXT NOT NULL,
  UNIQUE (bundle_id, tbl, row_id)
) STRICT;

ALTER TABLE number_block ADD COLUMN device TEXT;
ALTER TABLE number_block ADD COLUMN kind TEXT;


CREATE TRIGGER enterprise_change_ins AFTER INSERT ON enterprise BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('enterprise', NEW.id, 1 - (SELECT applying FROM sync_state));
END;
CREATE TRIGGER enterprise_change_upd AFTER UPDATE ON enterprise BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('enterprise', NEW.id, 1 - (SELECT applying FROM sync_state));
END;

CREATE TRIGGER licence_change_ins AFTER INSERT ON licence BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('licence', NEW.id, 1 - (SELECT applying FROM sync_state));
END;
CREATE TRIGGER licence_change_upd AFTER UPDATE ON licence BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('licence', NEW.id, 1 - (SELECT applying FROM sync_state));
END;

CREATE TRIGGER product_change_ins AFTER INSERT ON product BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('product', NEW.id, 1 - (SELECT applying FROM sync_state));
END;
CREATE TRIGGER product_change_upd AFTER UPDATE ON product BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('product', NEW.id, 1 - (SELECT applying FROM sync_state));
END;

CREATE TRIGGER inspection_change_ins AFTER INSERT ON inspection BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('inspection', NEW.id, 1 - (SELECT applying FROM sync_state));
END;
CREATE TRIGGER inspection_change_upd AFTER UPDATE ON inspection BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('inspection', NEW.id, 1 - (SELECT applying FROM sync_state));
END;

CREATE TRIGGER finding_change_ins AFTER INSERT ON finding BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('finding', NEW.id, 1 - (SELECT applying FROM sync_state));
END;
CREATE TRIGGER finding_change_upd AFTER UPDATE ON finding BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('finding', NEW.id, 1 - (SELECT applying FROM sync_state));
END;

CREATE TRIGGER attachment_link_change_ins AFTER INSERT ON attachment_link BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('attachment_link', NEW.id, 1 - (SELECT applying FROM sync_state));
END;
CREATE TRIGGER attachment_link_change_upd AFTER UPDATE ON attachment_link BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('attachment_link', NEW.id, 1 - (SELECT applying FROM sync_state));
END;

CREATE TRIGGER document_change_ins AFTER INSERT ON document BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('document', NEW.id, 1 - (SELECT applying FROM sync_state));
END;
CREATE TRIGGER document_change_upd AFTER UPDATE ON document BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('document', NEW.id, 1 - (SELECT applying FROM sync_state));
END;

CREATE TRIGGER document_revocation_change_ins AFTER INSERT ON document_revocation BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('document_revocation', NEW.id, 1 - (SELECT applying FROM sync_state));
END;
CREATE TRIGGER document_revocation_change_upd AFTER UPDATE ON document_revocation BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('document_revocation', NEW.id, 1 - (SELECT applying FROM sync_state));
END;

CREATE TRIGGER document_service_change_ins AFTER INSERT ON document_service BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('document_service', NEW.id, 1 - (SELECT applying FROM sync_state));
END;
CREATE TRIGGER document_service_change_upd AFTER UPDATE ON document_service BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('document_service', NEW.id, 1 - (SELECT applying FROM sync_state));
END;

CREATE TRIGGER rectification_change_ins AFTER INSERT ON rectification BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('rectification', NEW.id, 1 - (SELECT applying FROM sync_state));
END;
CREATE TRIGGER rectification_change_upd AFTER UPDATE ON rectification BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('rectification', NEW.id, 1 - (SELECT applying FROM sync_state));
END;

CREATE TRIGGER reinspection_change_ins AFTER INSERT ON reinspection BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('reinspection', NEW.id, 1 - (SELECT applying FROM sync_state));
END;
CREATE TRIGGER reinspection_change_upd AFTER UPDATE ON reinspection BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('reinspection', NEW.id, 1 - (SELECT applying FROM sync_state));
END;

CREATE TRIGGER sample_change_ins AFTER INSERT ON sample BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('sample', NEW.id, 1 - (SELECT applying FROM sync_state));
END;
CREATE TRIGGER sample_change_upd AFTER UPDATE ON sample BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('sample', NEW.id, 1 - (SELECT applying FROM sync_state));
END;

CREATE TRIGGER enforcement_case_change_ins AFTER INSERT ON enforcement_case BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('enforcement_case', NEW.id, 1 - (SELECT applying FROM sync_state));
END;
CREATE TRIGGER enforcement_case_change_upd AFTER UPDATE ON enforcement_case BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('enforcement_case', NEW.id, 1 - (SELECT applying FROM sync_state));
END;

CREATE TRIGGER number_block_change_ins AFTER INSERT ON number_block BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('number_block', NEW.id, 1 - (SELECT applying FROM sync_state));
END;
CREATE TRIGGER number_block_change_upd AFTER UPDATE ON number_block BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('number_block', NEW.id, 1 - (SELECT applying FROM sync_state));
END;

CREATE TRIGGER enterprise_fields_ins AFTER INSERT ON enterprise WHEN (SELECT applying FROM sync_state) = 0 BEGIN
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('enterprise', NEW.id, 'deleted', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('enterprise', NEW.id, 'name', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('enterprise', NEW.id, 'uscc', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('enterprise', NEW.id, 'county', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('enterprise', NEW.id, 'production_address', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('enterprise', NEW.id, 'registered_address', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('enterprise', NEW.id, 'legal_rep', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('enterprise', NEW.id, 'contact', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('enterprise', NEW.id, 'phone', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('enterprise', NEW.id, 'kind', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('enterprise', NEW.id, 'medical', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('enterprise', NEW.id, 'exporter', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('enterprise', NEW.id, 'scale', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('enterprise', NEW.id, 'production_status', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('enterprise', NEW.id, 'founded_on', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('enterprise', NEW.id, 'daily_capacity_wan', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('enterprise', NEW.id, 'note', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('enterprise', NEW.id, 'void_reason', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('enterprise', NEW.id, 'voided_at', NEW.version, NULL);
END;

CREATE TRIGGER enterprise_fields_upd AFTER UPDATE ON enterprise WHEN (SELECT applying FROM sync_state) = 0 BEGIN
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'deleted', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'deleted')
    WHERE NEW.deleted IS NOT OLD.deleted;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'name', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'name')
    WHERE NEW.name IS NOT OLD.name;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'uscc', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'uscc')
    WHERE NEW.uscc IS NOT OLD.uscc;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'county', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'county')
    WHERE NEW.county IS NOT OLD.county;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'production_address', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'production_address')
    WHERE NEW.production_address IS NOT OLD.production_address;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'registered_address', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'registered_address')
    WHERE NEW.registered_address IS NOT OLD.registered_address;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'legal_rep', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'legal_rep')
    WHERE NEW.legal_rep IS NOT OLD.legal_rep;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'contact', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'contact')
    WHERE NEW.contact IS NOT OLD.contact;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'phone', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'phone')
    WHERE NEW.phone IS NOT OLD.phone;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'kind', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'kind')
    WHERE NEW.kind IS NOT OLD.kind;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'medical', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'medical')
    WHERE NEW.medical IS NOT OLD.medical;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'exporter', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'exporter')
    WHERE NEW.exporter IS NOT OLD.exporter;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'scale', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'scale')
    WHERE NEW.scale IS NOT OLD.scale;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'production_status', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'production_status')
    WHERE NEW.production_status IS NOT OLD.production_status;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'founded_on', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'founded_on')
    WHERE NEW.founded_on IS NOT OLD.founded_on;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'daily_capacity_wan', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'daily_capacity_wan')
    WHERE NEW.daily_capacity_wan IS NOT OLD.daily_capacity_wan;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'note', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'note')
    WHERE NEW.note IS NOT OLD.note;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'void_reason', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'void_reason')
    WHERE NEW.void_reason IS NOT OLD.void_reason;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'voided_at', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'voided_at')
    WHERE NEW.voided_at IS NOT OLD.voided_at;
END;

CREATE TRIGGER licence_fields_ins AFTER INSERT ON licence WHEN (SELECT applying FROM sync_state) = 0 BEGIN
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('licence', NEW.id, 'deleted', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('licence', NEW.id, 'enterprise_id', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('licence', NEW.id, 'kind', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('licence', NEW.id, 'number', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('licence', NEW.id, 'holder', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('licence', NEW.id, 'scope', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('licence', NEW.id, 'issued_on', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('licence', NEW.id, 'valid_until', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('licence', NEW.id, 'issuer', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('licence', NEW.id, 'void_reason', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('licence', NEW.id, 'voided_at', NEW.version, NULL);
END;

CREATE TRIGGER licence_fields_upd AFTER UPDATE ON licence WHEN (SELECT applying FROM sync_state) = 0 BEGIN
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'licence', NEW.id, 'deleted', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = 'deleted')
    WHERE NEW.deleted IS NOT OLD.deleted;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'licence', NEW.id, 'enterprise_id', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = 'enterprise_id')
    WHERE NEW.enterprise_id IS NOT OLD.enterprise_id;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'licence', NEW.id, 'kind', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = 'kind')
    WHERE NEW.kind IS NOT OLD.kind;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'licence', NEW.id, 'number', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = 'number')
    WHERE NEW.number IS NOT OLD.number;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'licence', NEW.id, 'holder', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = 'holder')
    WHERE NEW.holder IS NOT OLD.holder;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'licence', NEW.id, 'scope', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = 'scope')
    WHERE NEW.scope IS NOT OLD.scope;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'licence', NEW.id, 'issued_on', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = 'issued_on')
    WHERE NEW.issued_on IS NOT OLD.issued_on;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'licence', NEW.id, 'valid_until', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = 'valid_until')
    WHERE NEW.valid_until IS NOT OLD.valid_until;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'licence', NEW.id, 'issuer', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = 'issuer')
    WHERE NEW.issuer IS NOT OLD.issuer;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'licence', NEW.id, 'void_reason', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = 'void_reason')
    WHERE NEW.void_reason IS NOT OLD.void_reason;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'licence', NEW.id, 'voided_at', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = 'voided_at')
    WHERE NEW.voided_at IS NOT OLD.voided_at;
END;

CREATE TRIGGER product_fields_ins AFTER INSERT ON product WHEN (SELECT applying FROM sync_state) = 0 BEGIN
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('product', NEW.id, 'deleted', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('product', NEW.id, 'enterprise_id', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('product', NEW.id, 'name', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('product', NEW.id, 'category', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('product', NEW.id, 'standard', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('product', NEW.id, 'grade', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('product', NEW.id, 'specification', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('product', NEW.id, 'registration_cert_no', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('product', NEW.id, 'void_reason', NEW.version, NULL);
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES ('product', NEW.id, 'voided_at', NEW.version, NULL);
END;

CREATE TRIGGER product_fields_upd AFTER UPDATE ON product WHEN (SELECT applying FROM sync_state) = 0 BEGIN
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'product', NEW.id, 'deleted', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = 'deleted')
    WHERE NEW.deleted IS NOT OLD.deleted;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'product', NEW.id, 'enterprise_id', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = 'enterprise_id')
    WHERE NEW.enterprise_id IS NOT OLD.enterprise_id;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'product', NEW.id, 'name', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = 'name')
    WHERE NEW.name IS NOT OLD.name;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'product', NEW.id, 'category', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = 'category')
    WHERE NEW.category IS NOT OLD.category;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'product', NEW.id, 'standard', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = 'standard')
    WHERE NEW.standard IS NOT OLD.standard;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'product', NEW.id, 'grade', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = 'grade')
    WHERE NEW.grade IS NOT OLD.grade;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'product', NEW.id, 'specification', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = 'specification')
    WHERE NEW.specification IS NOT OLD.specification;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'product', NEW.id, 'registration_cert_no', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = 'registration_cert_no')
    WHERE NEW.registration_cert_no IS NOT OLD.registration_cert_no;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'product', NEW.id, 'void_reason', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = 'void_reason')
    WHERE NEW.void_reason IS NOT OLD.void_reason;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'product', NEW.id, 'voided_at', NEW.version,
           (SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = 'voided_at')
    WHERE NEW.voided_at IS NOT OLD.voided_at;
END;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'enterprise', id, 'deleted', version, NULL FROM enterprise;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'enterprise', id, 'name', version, NULL FROM enterprise;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'enterprise', id, 'uscc', version, NULL FROM enterprise;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'enterprise', id, 'county', version, NULL FROM enterprise;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'enterprise', id, 'production_address', version, NULL FROM enterprise;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'enterprise', id, 'registered_address', version, NULL FROM enterprise;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'enterprise', id, 'legal_rep', version, NULL FROM enterprise;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'enterprise', id, 'contact', version, NULL FROM enterprise;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'enterprise', id, 'phone', version, NULL FROM enterprise;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'enterprise', id, 'kind', version, NULL FROM enterprise;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'enterprise', id, 'medical', version, NULL FROM enterprise;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'enterprise', id, 'exporter', version, NULL FROM enterprise;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'enterprise', id, 'scale', version, NULL FROM enterprise;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'enterprise', id, 'production_status', version, NULL FROM enterprise;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'enterprise', id, 'founded_on', version, NULL FROM enterprise;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'enterprise', id, 'daily_capacity_wan', version, NULL FROM enterprise;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'enterprise', id, 'note', version, NULL FROM enterprise;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'enterprise', id, 'void_reason', version, NULL FROM enterprise;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'enterprise', id, 'voided_at', version, NULL FROM enterprise;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'licence', id, 'deleted', version, NULL FROM licence;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'licence', id, 'enterprise_id', version, NULL FROM licence;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'licence', id, 'kind', version, NULL FROM licence;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'licence', id, 'number', version, NULL FROM licence;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'licence', id, 'holder', version, NULL FROM licence;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'licence', id, 'scope', version, NULL FROM licence;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'licence', id, 'issued_on', version, NULL FROM licence;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'licence', id, 'valid_until', version, NULL FROM licence;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'licence', id, 'issuer', version, NULL FROM licence;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'licence', id, 'void_reason', version, NULL FROM licence;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'licence', id, 'voided_at', version, NULL FROM licence;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'product', id, 'deleted', version, NULL FROM product;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'product', id, 'enterprise_id', version, NULL FROM product;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'product', id, 'name', version, NULL FROM product;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'product', id, 'category', version, NULL FROM product;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'product', id, 'standard', version, NULL FROM product;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'product', id, 'grade', version, NULL FROM product;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'product', id, 'specification', version, NULL FROM product;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'product', id, 'registration_cert_no', version, NULL FROM product;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'product', id, 'void_reason', version, NULL FROM product;

INSERT INTO field_version (tbl, row_id, field, version, base) SELECT 'product', id, 'voided_at', version, NULL FROM product;

INSERT INTO change_log (tbl, row_id) SELECT tbl, id FROM (SELECT 'enterprise' AS tbl, id, rid FROM enterprise UNION ALL SELECT 'licence' AS tbl, id, rid FROM licence UNION ALL SELECT 'product' AS tbl, id, rid FROM product UNION ALL SELECT 'inspection' AS tbl, id, rid FROM inspection UNION ALL SELECT 'finding' AS tbl, id, rid FROM finding UNION ALL SELECT 'attachment_link' AS tbl, id, rid FROM attachment_link UNION ALL SELECT 'document' AS tbl, id, rid FROM document UNION ALL SELECT 'document_revocation' AS tbl, id, rid FROM document_revocation UNION ALL SELECT 'document_service' AS tbl, id, rid FROM document_service UNION ALL SELECT 'rectification' AS tbl, id, rid FROM rectification UNION ALL SELECT 'reinspection' AS tbl, id, rid FROM reinspection UNION ALL SELECT 'sample' AS tbl, id, rid FROM sample UNION ALL SELECT 'enforcement_case' AS tbl, id, rid FROM enforcement_case UNION ALL SELECT 'number_block' AS tbl, id, rid FROM number_block) ORDER BY tbl, rid;
