-- Schema 2: on-site inspections (现场检查), their findings, and photos stored by content hash.
-- The draft (answers, licence checks, intake rows, label checks, findings in progress) is one JSON document, so an
-- autosave is one row update. Finishing freezes the row: triggers refuse any later update or delete, and
-- corrections are new inspections that point at it (amends_id).

CREATE TABLE inspection (
  rid              INTEGER PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE,
  origin           TEXT NOT NULL,
  version          TEXT NOT NULL,
  deleted          INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  enterprise_id    TEXT NOT NULL REFERENCES enterprise (id),
  template_key     TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('draft', 'finished')),
  draft            TEXT NOT NULL CHECK (json_valid(draft)),
  amends_id        TEXT REFERENCES inspection (id),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  finished_at      TEXT
) STRICT;
CREATE INDEX inspection_enterprise ON inspection (enterprise_id);
CREATE INDEX inspection_status ON inspection (status) WHERE deleted = 0;

CREATE TRIGGER inspection_frozen_update BEFORE UPDATE ON inspection WHEN old.status = 'finished' BEGIN
  SELECT RAISE(ABORT, 'maskcheck: a finished inspection is frozen');
END;
CREATE TRIGGER inspection_frozen_delete BEFORE DELETE ON inspection WHEN old.status = 'finished' BEGIN
  SELECT RAISE(ABORT, 'maskcheck: a finished inspection is frozen');
END;

-- Findings as confirmed when the inspection was finished (the documents issue prints them).
CREATE TABLE finding (
  rid           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  origin        TEXT NOT NULL,
  version       TEXT NOT NULL,
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  inspection_id TEXT NOT NULL REFERENCES inspection (id),
  position      INTEGER NOT NULL,
  key           TEXT NOT NULL,
  text          TEXT NOT NULL,
  basis         TEXT NOT NULL CHECK (json_valid(basis)),
  created_at    TEXT NOT NULL,
  UNIQUE (inspection_id, position)
) STRICT;
CREATE TRIGGER finding_frozen_update BEFORE UPDATE ON finding BEGIN
  SELECT RAISE(ABORT, 'maskcheck: findings of a finished inspection are frozen');
END;

-- A photo's bytes live in the data directory under their SHA-256; this row describes them once.
CREATE TABLE attachment (
  hash          TEXT PRIMARY KEY CHECK (length(hash) = 64),
  size          INTEGER NOT NULL,
  mime          TEXT NOT NULL,
  original_name TEXT NOT NULL,
  created_at    TEXT NOT NULL
) STRICT;

-- Where a photo is attached: an inspection and a target in it (an item key, an intake row, a label check).
CREATE TABLE attachment_link (
  rid        INTEGER PRIMARY KEY,
  id         TEXT NOT NULL UNIQUE,
  origin     TEXT NOT NULL,
  version    TEXT NOT NULL,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  owner_id   TEXT NOT NULL REFERENCES inspection (id),
  target     TEXT NOT NULL,
  hash       TEXT NOT NULL REFERENCES attachment (hash),
  caption    TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX attachment_link_owner ON attachment_link (owner_id);
