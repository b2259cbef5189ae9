#!/usr/bin/env python3
"""The bare work a bundle import is compared with: the same rows inserted into a fresh SQLite database, one plain
table per synced table (columns from the rows), in one transaction; no checks, no merge, no clocks.

usage: bare_insert.py ROWS_JSON[,ROWS_JSON...] DB     (several files: a bureau's 50 bundles)
"""
import json
import os
import sqlite3
import sys

rows = [r for f in sys.argv[1].split(",") for r in json.load(open(f, encoding="utf-8"))]
db = sys.argv[2]
if os.path.exists(db):
    os.remove(db)
con = sqlite3.connect(db)
con.execute("PRAGMA journal_mode=WAL")
cols = {}
for r in rows:
    cols.setdefault(r["table"], set()).update(r["values"].keys())
with con:
    for t, cs in cols.items():
        con.execute(f'CREATE TABLE "{t}" ({", ".join(f"{c!r}" for c in sorted(cs))}, PRIMARY KEY (id))'.replace("'", '"'))
    for r in rows:
        v = r["values"]
        keys = list(v.keys())
        con.execute(
            f'INSERT INTO "{r["table"]}" ({", ".join(chr(34) + k + chr(34) for k in keys)}) VALUES ({", ".join("?" * len(keys))})',
            [json.dumps(x) if isinstance(x, (dict, list)) else x for x in v.values()],
        )
con.close()
