-- Schema 5. A draft inspection started by mistake is voided with a reason, never deleted: the row stays (sync and
-- audit see it), and every read treats it as gone. A finished inspection cannot be voided (its update trigger
-- refuses); it is corrected by an amending inspection.
ALTER TABLE inspection ADD COLUMN void_reason TEXT;
ALTER TABLE inspection ADD COLUMN voided_at TEXT;
