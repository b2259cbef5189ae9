-- Schema 3: enforcement documents and what follows them.
-- An issued document is immutable: its content (JSON) and the SHA-256 of its PDF are stored, and triggers refuse
-- any update or delete. Corrections are new documents (amends_id) or revocations (document_revocation).
-- Serials come from number blocks assigned to this device; doc_serial is this device's own counter (never synced).

CREATE TABLE number_block (
  rid        INTEGER PRIMARY KEY,
  id         TEXT NOT NULL UNIQUE,
  origin     TEXT NOT NULL,
  version    TEXT NOT NULL,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  year       INTEGER NOT NULL,
  first      INTEGER NOT NULL CHECK (first >= 1),
  last       INTEGER NOT NULL CHECK (last >= first),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE doc_serial (
  kind          TEXT NOT NULL,
  year          INTEGER NOT NULL,
  last_block    INTEGER,
  last_fallback INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, year)
) STRICT;

CREATE TABLE document (
  rid           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  origin        TEXT NOT NULL,
  version       TEXT NOT NULL,
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  kind          TEXT NOT NULL CHECK (kind IN ('inspectionRecord', 'rectificationNotice', 'coerciveMeasure',
                                              'samplingRecord', 'serviceProof')),
  number        TEXT NOT NULL UNIQUE,
  enterprise_id TEXT NOT NULL REFERENCES enterprise (id),
  inspection_id TEXT REFERENCES inspection (id),
  content       TEXT NOT NULL CHECK (json_valid(content)),
  pdf_sha256    TEXT NOT NULL CHECK (length(pdf_sha256) = 64),
  pages         INTEGER NOT NULL,
  amends_id     TEXT REFERENCES document (id),
  issued_at     TEXT NOT NULL
) STRICT;
CREATE INDEX document_enterprise ON document (enterprise_id);
CREATE INDEX document_inspection ON document (inspection_id);

CREATE TRIGGER document_issued_update BEFORE UPDATE ON document BEGIN
  SELECT RAISE(ABORT, 'maskcheck: an issued document is frozen');
END;
CREATE TRIGGER document_issued_delete BEFORE DELETE ON document BEGIN
  SELECT RAISE(ABORT, 'maskcheck: an issued document is frozen');
END;

CREATE TABLE document_revocation (
  rid         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  origin      TEXT NOT NULL,
  version     TEXT NOT NULL,
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  document_id TEXT NOT NULL UNIQUE REFERENCES document (id),
  reason      TEXT NOT NULL,
  revoked_at  TEXT NOT NULL
) STRICT;

-- 送达: recorded after the fact; a scan of the signed paper may be attached (by content hash).
CREATE TABLE document_service (
  rid         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  origin      TEXT NOT NULL,
  version     TEXT NOT NULL,
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  document_id TEXT NOT NULL REFERENCES document (id),
  served_at   TEXT NOT NULL,
  method      TEXT NOT NULL,
  recipient   TEXT NOT NULL,
  scan_hash   TEXT REFERENCES attachment (hash),
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX document_service_document ON document_service (document_id);

-- 整改: one per rectification notice; open until a re-inspection finds every correction done.
CREATE TABLE rectification (
  rid           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  origin        TEXT NOT NULL,
  version       TEXT NOT NULL,
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  document_id   TEXT NOT NULL UNIQUE REFERENCES document (id),
  enterprise_id TEXT NOT NULL REFERENCES enterprise (id),
  deadline      TEXT NOT NULL,
  corrections   TEXT NOT NULL CHECK (json_valid(corrections)),
  status        TEXT NOT NULL CHECK (status IN ('open', 'complete')),
  closed_by     TEXT,
  updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX rectification_open ON rectification (deadline) WHERE status = 'open' AND deleted = 0;
CREATE INDEX rectification_enterprise ON rectification (enterprise_id);

-- 复查
CREATE TABLE reinspection (
  rid              INTEGER PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE,
  origin           TEXT NOT NULL,
  version          TEXT NOT NULL,
  deleted          INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  rectification_id TEXT NOT NULL REFERENCES rectification (id),
  date             TEXT NOT NULL,
  input            TEXT NOT NULL CHECK (json_valid(input)),
  complete         INTEGER NOT NULL CHECK (complete IN (0, 1)),
  created_at       TEXT NOT NULL
) STRICT;
CREATE INDEX reinspection_rectification ON reinspection (rectification_id);

-- 抽样 (appendix 5): the sampling input, then the lab result.
CREATE TABLE sample (
  rid           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  origin        TEXT NOT NULL,
  version       TEXT NOT NULL,
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  enterprise_id TEXT NOT NULL REFERENCES enterprise (id),
  input         TEXT NOT NULL CHECK (json_valid(input)),
  result        TEXT CHECK (result IS NULL OR json_valid(result)),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX sample_enterprise ON sample (enterprise_id);

-- 案件 (appendix 4)
CREATE TABLE enforcement_case (
  rid           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  origin        TEXT NOT NULL,
  version       TEXT NOT NULL,
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  enterprise_id TEXT REFERENCES enterprise (id),
  input         TEXT NOT NULL CHECK (json_valid(input)),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
