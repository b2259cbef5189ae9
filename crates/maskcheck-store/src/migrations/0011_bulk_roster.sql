-- Schema 11: roster rows written in bulk (ARCHITECTURE.md, "Sync", field clocks).
-- 1. A roster row's insert records one field clock, field '*', standing for every field; a field gets its own clock
--    when it first changes, and the clock it replaced (its base) is its own or else the row's '*'. An insert wrote
--    one clock per field before (19 rows for an enterprise): most of a 100,000-row roster import's time. The store
--    expands '*' when it reads clocks, so merges and bundles see one clock per field as before.
-- 2. `sync_state.bulk`: while set, inserts leave change_log and field clocks to the writer, which records them for
--    all its rows with one statement each (Tx::enterprise_batch). One insert trigger per table does both jobs: a
--    trigger costs its WHEN even when it does nothing, once per inserted row.
-- 3. The search index keeps up to 16 MB of new terms in memory before writing a segment (FTS5's default is 1 MB):
--    a 100,000-row import then writes a few large segments instead of merging many small ones.
ALTER TABLE sync_state ADD COLUMN bulk INTEGER NOT NULL DEFAULT 0 CHECK (bulk IN (0, 1));
INSERT INTO enterprise_fts (enterprise_fts, rank) VALUES ('hashsize', 16777216);

DROP TRIGGER enterprise_change_ins;
DROP TRIGGER enterprise_fields_ins;
CREATE TRIGGER enterprise_ins AFTER INSERT ON enterprise WHEN (SELECT bulk FROM sync_state) = 0 BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('enterprise', NEW.id, 1 - (SELECT applying FROM sync_state));
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, '*', NEW.version, NULL WHERE (SELECT applying FROM sync_state) = 0;
END;

DROP TRIGGER enterprise_fields_upd;
CREATE TRIGGER enterprise_fields_upd AFTER UPDATE ON enterprise WHEN (SELECT applying FROM sync_state) = 0 BEGIN
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'deleted', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'deleted'),
                    (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.deleted IS NOT OLD.deleted;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'name', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'name'),
                    (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.name IS NOT OLD.name;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'uscc', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'uscc'),
                    (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.uscc IS NOT OLD.uscc;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'county', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'county'),
                    (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.county IS NOT OLD.county;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'production_address', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'production_address'),
                    (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.production_address IS NOT OLD.production_address;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'registered_address', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'registered_address'),
                    (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.registered_address IS NOT OLD.registered_address;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'legal_rep', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'legal_rep'),
                    (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.legal_rep IS NOT OLD.legal_rep;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'contact', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'contact'),
                    (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.contact IS NOT OLD.contact;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'phone', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'phone'),
                    (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.phone IS NOT OLD.phone;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'kind', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'kind'),
                    (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.kind IS NOT OLD.kind;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'medical', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'medical'),
                    (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.medical IS NOT OLD.medical;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'exporter', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'exporter'),
                    (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.exporter IS NOT OLD.exporter;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'scale', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'scale'),
                    (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.scale IS NOT OLD.scale;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'production_status', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'production_status'),
                    (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.production_status IS NOT OLD.production_status;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'founded_on', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'founded_on'),
                    (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.founded_on IS NOT OLD.founded_on;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'daily_capacity_wan', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'daily_capacity_wan'),
                    (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.daily_capacity_wan IS NOT OLD.daily_capacity_wan;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'note', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'note'),
                    (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.note IS NOT OLD.note;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'void_reason', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'void_reason'),
                    (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.void_reason IS NOT OLD.void_reason;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'enterprise', NEW.id, 'voided_at', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = 'voided_at'),
                    (SELECT version FROM field_version WHERE tbl = 'enterprise' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.voided_at IS NOT OLD.voided_at;
END;

DROP TRIGGER licence_change_ins;
DROP TRIGGER licence_fields_ins;
CREATE TRIGGER licence_ins AFTER INSERT ON licence WHEN (SELECT bulk FROM sync_state) = 0 BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('licence', NEW.id, 1 - (SELECT applying FROM sync_state));
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'licence', NEW.id, '*', NEW.version, NULL WHERE (SELECT applying FROM sync_state) = 0;
END;

DROP TRIGGER licence_fields_upd;
CREATE TRIGGER licence_fields_upd AFTER UPDATE ON licence WHEN (SELECT applying FROM sync_state) = 0 BEGIN
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'licence', NEW.id, 'deleted', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = 'deleted'),
                    (SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.deleted IS NOT OLD.deleted;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'licence', NEW.id, 'enterprise_id', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = 'enterprise_id'),
                    (SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.enterprise_id IS NOT OLD.enterprise_id;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'licence', NEW.id, 'kind', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = 'kind'),
                    (SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.kind IS NOT OLD.kind;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'licence', NEW.id, 'number', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = 'number'),
                    (SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.number IS NOT OLD.number;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'licence', NEW.id, 'holder', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = 'holder'),
                    (SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.holder IS NOT OLD.holder;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'licence', NEW.id, 'scope', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = 'scope'),
                    (SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.scope IS NOT OLD.scope;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'licence', NEW.id, 'issued_on', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = 'issued_on'),
                    (SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.issued_on IS NOT OLD.issued_on;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'licence', NEW.id, 'valid_until', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = 'valid_until'),
                    (SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.valid_until IS NOT OLD.valid_until;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'licence', NEW.id, 'issuer', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = 'issuer'),
                    (SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.issuer IS NOT OLD.issuer;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'licence', NEW.id, 'void_reason', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = 'void_reason'),
                    (SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.void_reason IS NOT OLD.void_reason;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'licence', NEW.id, 'voided_at', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = 'voided_at'),
                    (SELECT version FROM field_version WHERE tbl = 'licence' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.voided_at IS NOT OLD.voided_at;
END;

DROP TRIGGER product_change_ins;
DROP TRIGGER product_fields_ins;
CREATE TRIGGER product_ins AFTER INSERT ON product WHEN (SELECT bulk FROM sync_state) = 0 BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('product', NEW.id, 1 - (SELECT applying FROM sync_state));
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'product', NEW.id, '*', NEW.version, NULL WHERE (SELECT applying FROM sync_state) = 0;
END;

DROP TRIGGER product_fields_upd;
CREATE TRIGGER product_fields_upd AFTER UPDATE ON product WHEN (SELECT applying FROM sync_state) = 0 BEGIN
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'product', NEW.id, 'deleted', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = 'deleted'),
                    (SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.deleted IS NOT OLD.deleted;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'product', NEW.id, 'enterprise_id', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = 'enterprise_id'),
                    (SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.enterprise_id IS NOT OLD.enterprise_id;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'product', NEW.id, 'name', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = 'name'),
                    (SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.name IS NOT OLD.name;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'product', NEW.id, 'category', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = 'category'),
                    (SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.category IS NOT OLD.category;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'product', NEW.id, 'standard', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = 'standard'),
                    (SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.standard IS NOT OLD.standard;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'product', NEW.id, 'grade', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = 'grade'),
                    (SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.grade IS NOT OLD.grade;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'product', NEW.id, 'specification', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = 'specification'),
                    (SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.specification IS NOT OLD.specification;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'product', NEW.id, 'registration_cert_no', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = 'registration_cert_no'),
                    (SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.registration_cert_no IS NOT OLD.registration_cert_no;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'product', NEW.id, 'void_reason', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = 'void_reason'),
                    (SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.void_reason IS NOT OLD.void_reason;
  INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
    SELECT 'product', NEW.id, 'voided_at', NEW.version,
           coalesce((SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = 'voided_at'),
                    (SELECT version FROM field_version WHERE tbl = 'product' AND row_id = NEW.id AND field = '*'))
    WHERE NEW.voided_at IS NOT OLD.voided_at;
END;
