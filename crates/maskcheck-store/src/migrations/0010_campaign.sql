-- The campaign board and 双随机 spot checks.

-- Per unit, each task of the responsibility lists (appendices 1–2): a status and evidence. Kept by the device that
-- tracks the campaign (the bureau, or an inspector for their own unit); not synced.
CREATE TABLE campaign_status (
  task_key   TEXT NOT NULL,
  unit       TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('notStarted', 'inProgress', 'done')),
  note       TEXT NOT NULL DEFAULT '',
  -- JSON array of evidence: {kind: record|file|note, ref, label}.
  evidence   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(evidence)),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (task_key, unit)
) STRICT;

-- A draw as made, with everything needed to re-run it: the seed, the criteria and size, and the candidates and
-- inspectors it drew from (as they were). On the drawing device only; the drawn checks travel as spot_check rows.
CREATE TABLE spot_draw (
  id         TEXT PRIMARY KEY,
  title      TEXT NOT NULL,
  seed       INTEGER NOT NULL,
  criteria   TEXT NOT NULL CHECK (json_valid(criteria)),
  size       TEXT NOT NULL CHECK (json_valid(size)),
  candidates TEXT NOT NULL CHECK (json_valid(candidates)),
  inspectors TEXT NOT NULL CHECK (json_valid(inspectors)),
  drawn_at   TEXT NOT NULL
) STRICT;

-- One drawn check: the enterprise and the two inspectors to visit it. Made by the bureau that drew it, sent to
-- the laptops of the enterprise's county in its bundles.
CREATE TABLE spot_check (
  rid           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  origin        TEXT NOT NULL,
  version       TEXT NOT NULL,
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  plan_id       TEXT NOT NULL,
  plan_title    TEXT NOT NULL,
  seed          INTEGER NOT NULL,
  position      INTEGER NOT NULL CHECK (position >= 1),
  enterprise_id TEXT NOT NULL REFERENCES enterprise (id),
  inspectors    TEXT NOT NULL CHECK (json_valid(inspectors)),
  drawn_on      TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  UNIQUE (plan_id, position)
) STRICT;
CREATE INDEX spot_check_enterprise ON spot_check (enterprise_id);

CREATE TRIGGER spot_check_change_ins AFTER INSERT ON spot_check BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('spot_check', NEW.id, 1 - (SELECT applying FROM sync_state));
END;
CREATE TRIGGER spot_check_change_upd AFTER UPDATE ON spot_check BEGIN
  INSERT INTO change_log (tbl, row_id, local) VALUES ('spot_check', NEW.id, 1 - (SELECT applying FROM sync_state));
END;
