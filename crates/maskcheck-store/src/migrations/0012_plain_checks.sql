-- Schema 12: the roster's two enumerated CHECKs as comparisons instead of IN lists.
-- SQLite evaluates `x IN (a, b, c, …)` of three or more values by building a temporary b-tree of the list, for every
-- row it checks: two such b-trees opened, filled and closed per inserted enterprise were a third of a 100,000-row
-- roster import's row inserts (perf). `x = a OR x = b OR …` says the same (NULL passes, as before) without them.
-- The constraint accepts exactly the values it accepted, so no stored row changes and the table is not rebuilt (a
-- rebuild would drop and re-create what references it): the definition is edited in place, as in 0008. The caller
-- bumps schema_version after every migration so every connection re-reads the schema.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(replace(sql,
         'CHECK (scale IN (''large'', ''medium'', ''small'', ''micro''))',
         'CHECK (scale = ''large'' OR scale = ''medium'' OR scale = ''small'' OR scale = ''micro'')'),
         'CHECK (production_status IN (''producing'', ''stopped'', ''converted''))',
         'CHECK (production_status = ''producing'' OR production_status = ''stopped'' OR production_status = ''converted'')')
 WHERE type = 'table' AND name = 'enterprise';
PRAGMA writable_schema = RESET;
