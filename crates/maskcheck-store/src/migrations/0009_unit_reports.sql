-- The appendix 4 and 5 tables a subordinate unit sent as a workbook, kept on the bureau for the roll-up. One per
-- unit and period: a unit that sends a corrected workbook replaces its earlier one. Local to this bureau: a
-- report is not a record of the campaign and does not travel in bundles.
CREATE TABLE unit_report (
  rid         INTEGER PRIMARY KEY,
  unit        TEXT NOT NULL CHECK (unit <> ''),
  -- The period it reports, ISO dates; '' for an open end.
  period_from TEXT NOT NULL,
  period_to   TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  -- SHA-256 of the workbook as received.
  file_hash   TEXT NOT NULL,
  -- 填报时间 as the unit wrote it.
  reported_on TEXT NOT NULL,
  appendix4   TEXT CHECK (appendix4 IS NULL OR json_valid(appendix4)),
  appendix5   TEXT CHECK (appendix5 IS NULL OR json_valid(appendix5)),
  imported_at TEXT NOT NULL,
  UNIQUE (unit, period_from, period_to)
) STRICT;
