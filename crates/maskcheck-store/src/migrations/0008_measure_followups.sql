-- Schema 8. A seal or seizure is extended (延长查封（扣押）期限决定书) or released (解除查封（扣押）决定书) by a
-- document of its own that points at the decision, and a failed sample is reported to customs and commerce
-- (不合格口罩产品信息通报函). The kind CHECK of `document` widens to take them.
--
-- Widening a CHECK changes no stored row, so the table is not rebuilt (a rebuild would drop and re-create the
-- table its revocations, services and rectifications reference): the definition is edited in place, the
-- procedure SQLite documents for changes that leave the on-disk content as it is. The caller bumps
-- schema_version after every migration so every connection re-reads the schema.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, '''samplingRecord'', ''serviceProof'')',
                     '''samplingRecord'', ''serviceProof'', ''measureExtension'', ''measureRelease'',
                      ''exportNotice'')')
 WHERE type = 'table' AND name = 'document';
PRAGMA writable_schema = RESET;
