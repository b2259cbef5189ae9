-- Schema 4.
-- 1. The hybrid logical clock's counter is a u32 (up to 10 digits) but was written in 8, so past 99,999,999 text
--    order stopped being clock order. Every stored stamp is widened to 10 digits before sync relies on it. The
--    frozen records' triggers are dropped for this one rewrite (the stamp's value is unchanged, only its text) and
--    created again exactly as before.
-- 2. Findings of a finished inspection could be deleted (only updates were refused): now both are.
-- 3. An issued PDF's size is recorded beside its SHA-256, so reading it back reads at most that many bytes
--    (documents issued before have none; they are read up to a fixed cap).

DROP TRIGGER inspection_frozen_update;
DROP TRIGGER finding_frozen_update;
DROP TRIGGER document_issued_update;

UPDATE enterprise SET version = substr(version, 1, 16) || '00' || substr(version, 17) WHERE substr(version, 25, 1) = '.';
UPDATE licence SET version = substr(version, 1, 16) || '00' || substr(version, 17) WHERE substr(version, 25, 1) = '.';
UPDATE product SET version = substr(version, 1, 16) || '00' || substr(version, 17) WHERE substr(version, 25, 1) = '.';
UPDATE inspection SET version = substr(version, 1, 16) || '00' || substr(version, 17) WHERE substr(version, 25, 1) = '.';
UPDATE finding SET version = substr(version, 1, 16) || '00' || substr(version, 17) WHERE substr(version, 25, 1) = '.';
UPDATE attachment_link SET version = substr(version, 1, 16) || '00' || substr(version, 17) WHERE substr(version, 25, 1) = '.';
UPDATE number_block SET version = substr(version, 1, 16) || '00' || substr(version, 17) WHERE substr(version, 25, 1) = '.';
UPDATE document SET version = substr(version, 1, 16) || '00' || substr(version, 17) WHERE substr(version, 25, 1) = '.';
UPDATE document_revocation SET version = substr(version, 1, 16) || '00' || substr(version, 17) WHERE substr(version, 25, 1) = '.';
UPDATE document_service SET version = substr(version, 1, 16) || '00' || substr(version, 17) WHERE substr(version, 25, 1) = '.';
UPDATE rectification SET version = substr(version, 1, 16) || '00' || substr(version, 17) WHERE substr(version, 25, 1) = '.';
UPDATE reinspection SET version = substr(version, 1, 16) || '00' || substr(version, 17) WHERE substr(version, 25, 1) = '.';
UPDATE sample SET version = substr(version, 1, 16) || '00' || substr(version, 17) WHERE substr(version, 25, 1) = '.';
UPDATE enforcement_case SET version = substr(version, 1, 16) || '00' || substr(version, 17) WHERE substr(version, 25, 1) = '.';

CREATE TRIGGER inspection_frozen_update BEFORE UPDATE ON inspection WHEN old.status = 'finished' BEGIN
  SELECT RAISE(ABORT, 'maskcheck: a finished inspection is frozen');
END;
CREATE TRIGGER finding_frozen_update BEFORE UPDATE ON finding BEGIN
  SELECT RAISE(ABORT, 'maskcheck: findings of a finished inspection are frozen');
END;
CREATE TRIGGER finding_frozen_delete BEFORE DELETE ON finding BEGIN
  SELECT RAISE(ABORT, 'maskcheck: findings of a finished inspection are frozen');
END;
CREATE TRIGGER document_issued_update BEFORE UPDATE ON document BEGIN
  SELECT RAISE(ABORT, 'maskcheck: an issued document is frozen');
END;

ALTER TABLE document ADD COLUMN pdf_size INTEGER CHECK (pdf_size IS NULL OR pdf_size > 0);
