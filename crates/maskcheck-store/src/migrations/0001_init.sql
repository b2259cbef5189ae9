-- Schema 1. Every synced record carries id (UUIDv7), origin (device id), version (hybrid logical clock, text
-- ordered) and deleted (sync tombstone). `rid` is an explicit integer key so that VACUUM never renumbers the
-- rows the search index points at.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE profile (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  unit_name      TEXT NOT NULL,
  unit_abbr      TEXT NOT NULL,
  county         TEXT NOT NULL,
  inspector_name TEXT NOT NULL,
  cert_no        TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('inspector', 'bureau')),
  device_id      TEXT NOT NULL,
  public_key     TEXT NOT NULL,
  created_at     TEXT NOT NULL
) STRICT;

CREATE TABLE enterprise (
  rid                INTEGER PRIMARY KEY,
  id                 TEXT NOT NULL UNIQUE,
  origin             TEXT NOT NULL,
  version            TEXT NOT NULL,
  deleted            INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  name               TEXT NOT NULL CHECK (length(name) > 0),
  uscc               TEXT NOT NULL CHECK (length(uscc) = 18),
  county             TEXT,
  production_address TEXT,
  registered_address TEXT,
  legal_rep          TEXT,
  contact            TEXT,
  phone              TEXT,
  kind               TEXT NOT NULL CHECK (kind IN ('maker', 'seller')),
  medical            INTEGER NOT NULL CHECK (medical IN (0, 1)),
  exporter           INTEGER NOT NULL CHECK (exporter IN (0, 1)),
  scale              TEXT CHECK (scale IN ('large', 'medium', 'small', 'micro')),
  production_status  TEXT CHECK (production_status IN ('producing', 'stopped', 'converted')),
  founded_on         TEXT,
  daily_capacity_wan REAL,
  note               TEXT,
  void_reason        TEXT,
  voided_at          TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX enterprise_uscc ON enterprise (uscc) WHERE deleted = 0;
-- Live rows (the default roster view) by county: counting them reads a small index rather than the table.
CREATE INDEX enterprise_live ON enterprise (county, kind) WHERE deleted = 0 AND void_reason IS NULL;

CREATE TABLE licence (
  rid           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  origin        TEXT NOT NULL,
  version       TEXT NOT NULL,
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  enterprise_id TEXT NOT NULL REFERENCES enterprise (id),
  kind          TEXT NOT NULL,
  number        TEXT NOT NULL,
  holder        TEXT,
  scope         TEXT,
  issued_on     TEXT,
  valid_until   TEXT,
  issuer        TEXT,
  void_reason   TEXT,
  voided_at     TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX licence_enterprise ON licence (enterprise_id);
CREATE INDEX licence_valid_until ON licence (valid_until) WHERE void_reason IS NULL AND deleted = 0;

CREATE TABLE product (
  rid                  INTEGER PRIMARY KEY,
  id                   TEXT NOT NULL UNIQUE,
  origin               TEXT NOT NULL,
  version              TEXT NOT NULL,
  deleted              INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  enterprise_id        TEXT NOT NULL REFERENCES enterprise (id),
  name                 TEXT NOT NULL,
  category             TEXT NOT NULL,
  standard             TEXT,
  grade                TEXT,
  specification        TEXT,
  registration_cert_no TEXT,
  void_reason          TEXT,
  voided_at            TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
) STRICT;
CREATE INDEX product_enterprise ON product (enterprise_id);

-- Roster search: two-character grams of name, USCC and address (see maskcheck_domain::search). The store's write
-- methods keep it in step inside their transaction (src/search_index.rs); not triggers, because a statement that
-- fires a trigger opens a savepoint and FTS5 flushes its pending terms at every savepoint, which made a bulk
-- insert eight times slower. `dead` holds the token `dead` for voided or deleted rows, so a live-only search is
-- `… NOT dead:dead` and counts without touching the enterprise table.
CREATE VIRTUAL TABLE enterprise_fts USING fts5 (
  name, uscc, address, dead,
  content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);
