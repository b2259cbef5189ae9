//! Enterprise rows: insert, update, void, get, and the roster list with search and filters.

use chrono::{Duration, NaiveDate};
use maskcheck_domain::Entity;
use maskcheck_domain::{EnterpriseInput, EnterpriseKind, EnterpriseQuery, LicenceFilter};
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::codec::{date_from, date_text, kind_from, kind_text, scale_from, scale_text, status_from, status_text};
use crate::record::{void_from, EnterpriseRecord, RecordMeta};
use crate::{Result, Store, StoreError, Tx};

/// The enterprise that already holds a USCC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsccHolder {
    pub id: String,
    pub name: String,
    pub voided: bool,
}

/// One row of the roster list: what the table shows.
#[derive(Debug, Clone, PartialEq)]
pub struct EnterpriseListRow {
    pub id: String,
    pub name: String,
    pub uscc: String,
    pub county: Option<String>,
    pub production_address: Option<String>,
    pub kind: EnterpriseKind,
    pub medical: bool,
    /// The earliest expiry among its live licences (None when none expire).
    pub earliest_expiry: Option<NaiveDate>,
    pub voided: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnterprisePage {
    pub rows: Vec<EnterpriseListRow>,
    pub total: u64,
}

const COLUMNS: &str = "id, origin, version, deleted, created_at, updated_at, name, uscc, county, production_address,
    registered_address, legal_rep, contact, phone, kind, medical, exporter, scale, production_status, founded_on,
    daily_capacity_wan, note, void_reason, voided_at";

fn record_from(r: &Row<'_>) -> rusqlite::Result<Result<EnterpriseRecord>> {
    let meta = RecordMeta {
        id: r.get(0)?,
        origin: r.get(1)?,
        version: r.get(2)?,
        deleted: r.get(3)?,
        created_at: r.get(4)?,
        updated_at: r.get(5)?,
    };
    let kind: String = r.get(14)?;
    let scale: Option<String> = r.get(17)?;
    let status: Option<String> = r.get(18)?;
    let founded: Option<String> = r.get(19)?;
    let (name, uscc) = (r.get(6)?, r.get(7)?);
    let texts: [Option<String>; 6] = [r.get(8)?, r.get(9)?, r.get(10)?, r.get(11)?, r.get(12)?, r.get(13)?];
    let (medical, exporter, capacity, note): (bool, bool, Option<f64>, Option<String>) =
        (r.get(15)?, r.get(16)?, r.get(20)?, r.get(21)?);
    let void = void_from(r.get(22)?, r.get(23)?);
    Ok((|| {
        let [county, production_address, registered_address, legal_rep, contact, phone] = texts;
        Ok(EnterpriseRecord {
            meta,
            data: EnterpriseInput {
                name,
                uscc,
                county,
                production_address,
                registered_address,
                legal_rep,
                contact,
                phone,
                kind: kind_from(&kind)?,
                medical,
                exporter,
                scale: scale.as_deref().map(scale_from).transpose()?,
                production_status: status.as_deref().map(status_from).transpose()?,
                founded_on: date_from(founded)?,
                daily_capacity_wan: capacity,
                note,
                new_county: None,
            },
            void,
        })
    })())
}

fn get(conn: &Connection, id: &str) -> Result<Option<EnterpriseRecord>> {
    let sql = format!("SELECT {COLUMNS} FROM enterprise WHERE id = ?1 AND deleted = 0");
    conn.query_row(&sql, [id], record_from).optional()?.transpose()
}

fn uscc_holder(conn: &Connection, uscc: &str) -> Result<Option<UsccHolder>> {
    Ok(conn
        .query_row(
            "SELECT id, name, void_reason IS NOT NULL FROM enterprise WHERE uscc = ?1 AND deleted = 0",
            [uscc],
            |r| Ok(UsccHolder { id: r.get(0)?, name: r.get(1)?, voided: r.get(2)? }),
        )
        .optional()?)
}

impl Store {
    pub fn enterprise(&self, id: &str) -> Result<Option<EnterpriseRecord>> {
        get(self.conn(), id)
    }

    pub fn uscc_holder(&self, uscc: &str) -> Result<Option<UsccHolder>> {
        uscc_holder(self.conn(), uscc)
    }

    /// Counts live (not voided) enterprises.
    pub fn enterprise_count(&self) -> Result<u64> {
        let n: i64 = self.conn().query_row(
            "SELECT count(*) FROM enterprise WHERE deleted = 0 AND void_reason IS NULL",
            [],
            |r| r.get(0),
        )?;
        Ok(n as u64)
    }

    /// The roster list: search fragment, filters, one page, newest first, with the total count.
    pub fn list_enterprises(&self, q: &EnterpriseQuery, today: NaiveDate) -> Result<EnterprisePage> {
        let mut conds = vec!["e.deleted = 0".to_string()];
        let mut args: Vec<Value> = Vec::new();
        let mut fts_match: Option<String> = None;
        if let Some(text) = q.text.as_deref().filter(|t| !t.trim().is_empty()) {
            match maskcheck_domain::search::match_query(text) {
                Some(m) if q.include_voided => fts_match = Some(m),
                Some(m) => fts_match = Some(format!("{m} NOT dead:dead")),
                // Only punctuation typed: nothing can contain it as a searchable fragment.
                None => conds.push("0".into()),
            }
        }
        if let Some(m) = &fts_match {
            args.push(Value::Text(m.clone()));
            conds.push(format!("enterprise_fts MATCH ?{}", args.len()));
        }
        if !q.include_voided {
            conds.push("e.void_reason IS NULL".into());
        }
        let mut narrowed = false;
        if let Some(c) = q.county.as_deref().filter(|c| !c.is_empty()) {
            args.push(Value::Text(c.to_string()));
            conds.push(format!("e.county = ?{}", args.len()));
            narrowed = true;
        }
        if let Some(k) = q.kind {
            args.push(Value::Text(kind_text(k).into()));
            conds.push(format!("e.kind = ?{}", args.len()));
            narrowed = true;
        }
        if let Some(f) = q.licence {
            args.push(Value::Text(date_text(today)));
            let t = args.len();
            let range = match f {
                LicenceFilter::Expired => format!("l.valid_until < ?{t}"),
                LicenceFilter::Expiring => {
                    args.push(Value::Text(date_text(today + Duration::days(maskcheck_domain::licence::EXPIRING_DAYS))));
                    format!("l.valid_until BETWEEN ?{t} AND ?{}", args.len())
                }
            };
            // Driven from the partial expiry index: few licences fall in the range, whatever the roster's size.
            conds.push(format!(
                "e.id IN (SELECT l.enterprise_id FROM licence l WHERE l.deleted = 0 AND l.void_reason IS NULL
                          AND {range})"
            ));
            narrowed = true;
        }
        // With a search and no other filter, the live-only match counts in the index alone.
        let from = if fts_match.is_some() {
            "enterprise_fts JOIN enterprise e ON e.rid = enterprise_fts.rowid"
        } else {
            "enterprise e"
        };
        let filter = conds.join(" AND ");
        let total: i64 = match &fts_match {
            Some(m) if !narrowed && !q.include_voided => self.conn().query_row(
                "SELECT count(*) FROM enterprise_fts WHERE enterprise_fts MATCH ?1",
                [m],
                |r| r.get(0),
            )?,
            _ => self.conn().query_row(
                &format!("SELECT count(*) FROM {from} WHERE {filter}"),
                rusqlite::params_from_iter(args.iter()),
                |r| r.get(0),
            )?,
        };
        let limit = if q.limit == 0 { 50 } else { q.limit.min(1000) };
        // Pick the page's rows first (the index yields rowids newest first and stops at the limit), then compute
        // the display columns, licence expiry included, for those rows only.
        let order = if fts_match.is_some() { "enterprise_fts.rowid" } else { "e.rid" };
        let sql = format!(
            "SELECT e.id, e.name, e.uscc, e.county, e.production_address, e.kind, e.medical,
                    (SELECT min(l.valid_until) FROM licence l WHERE l.enterprise_id = e.id AND l.deleted = 0
                       AND l.void_reason IS NULL AND l.valid_until IS NOT NULL),
                    e.void_reason IS NOT NULL
             FROM enterprise e
             WHERE e.rid IN (SELECT {order} FROM {from} WHERE {filter} ORDER BY {order} DESC LIMIT {limit} OFFSET {})
             ORDER BY e.rid DESC",
            q.offset
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
            let kind: String = r.get(5)?;
            let expiry: Option<String> = r.get(7)?;
            Ok((
                EnterpriseListRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    uscc: r.get(2)?,
                    county: r.get(3)?,
                    production_address: r.get(4)?,
                    kind: EnterpriseKind::Maker,
                    medical: r.get(6)?,
                    earliest_expiry: None,
                    voided: r.get(8)?,
                },
                kind,
                expiry,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (mut row, kind, expiry) = row?;
            row.kind = kind_from(&kind)?;
            row.earliest_expiry = date_from(expiry)?;
            out.push(row);
        }
        Ok(EnterprisePage { rows: out, total: total.max(0) as u64 })
    }

    /// The live records holding the given (normalised) USCCs, keyed by USCC.
    pub fn enterprises_by_uscc(&self, usccs: &[String]) -> Result<std::collections::HashMap<String, EnterpriseRecord>> {
        by_uscc(self.conn(), usccs)
    }

    /// Every live (not voided) enterprise, oldest first: for exports.
    pub fn live_enterprises(&self) -> Result<Vec<EnterpriseRecord>> {
        let sql = format!("SELECT {COLUMNS} FROM enterprise WHERE deleted = 0 AND void_reason IS NULL ORDER BY rid");
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt.query_map([], record_from)?;
        rows.map(|r| r?).collect()
    }

    /// The distinct counties in the roster, for the filter list.
    pub fn counties(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn().prepare(
            "SELECT DISTINCT county FROM enterprise WHERE county IS NOT NULL AND deleted = 0 ORDER BY county",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn data_params(d: &EnterpriseInput) -> [Value; 16] {
    let t = |s: &Option<String>| s.clone().map(Value::Text).unwrap_or(Value::Null);
    [
        Value::Text(d.name.clone()),
        Value::Text(d.uscc.clone()),
        t(&d.county),
        t(&d.production_address),
        t(&d.registered_address),
        t(&d.legal_rep),
        t(&d.contact),
        t(&d.phone),
        Value::Text(kind_text(d.kind).into()),
        Value::Integer(d.medical.into()),
        Value::Integer(d.exporter.into()),
        d.scale.map(|s| Value::Text(scale_text(s).into())).unwrap_or(Value::Null),
        d.production_status.map(|s| Value::Text(status_text(s).into())).unwrap_or(Value::Null),
        d.founded_on.map(|d| Value::Text(date_text(d))).unwrap_or(Value::Null),
        d.daily_capacity_wan.map(Value::Real).unwrap_or(Value::Null),
        t(&d.note),
    ]
}

const INSERT_COLUMNS: &str = "INSERT INTO enterprise (id, origin, version, deleted, created_at, updated_at, name, uscc,
    county, production_address, registered_address, legal_rep, contact, phone, kind, medical, exporter, scale,
    production_status, founded_on, daily_capacity_wan, note) VALUES ";

/// Values bound per inserted row by [`insert_row`] and [`insert_rows`].
pub(crate) const INSERT_PARAMS: usize = 22;

/// The values of a row's insert, in `INSERT_COLUMNS` order.
pub(crate) fn insert_params(meta: &RecordMeta, data: &EnterpriseInput) -> impl Iterator<Item = Value> {
    let head = [
        Value::Text(meta.id.clone()),
        Value::Text(meta.origin.clone()),
        Value::Text(meta.version.clone()),
        Value::Integer(meta.deleted.into()),
        Value::Text(meta.created_at.clone()),
        Value::Text(meta.updated_at.clone()),
    ];
    head.into_iter().chain(data_params(data))
}

/// Inserts the row alone (no search entry) and returns its rowid.
pub(crate) fn insert_row(conn: &Connection, meta: &RecordMeta, data: &EnterpriseInput) -> Result<i64> {
    insert_rows(conn, &insert_params(meta, data).collect::<Vec<_>>())?;
    Ok(conn.last_insert_rowid())
}

/// Inserts rows whose values (`INSERT_PARAMS` per row, see [`insert_params`]) follow each other in `values`, with one
/// statement: a statement's own cost (its savepoint, its start and end) is paid once for all of them.
pub(crate) fn insert_rows(conn: &Connection, values: &[Value]) -> Result<()> {
    let rows = values.len() / INSERT_PARAMS;
    let one = format!("({})", vec!["?"; INSERT_PARAMS].join(","));
    let sql = format!("{INSERT_COLUMNS}{}", vec![one; rows].join(","));
    conn.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(values))?;
    Ok(())
}

/// Updates the row alone (no search entry).
pub(crate) fn update_row(conn: &Connection, id: &str, version: &str, at: &str, data: &EnterpriseInput) -> Result<()> {
    let n = conn
        .prepare_cached(
            "UPDATE enterprise SET name = ?1, uscc = ?2, county = ?3, production_address = ?4,
            registered_address = ?5, legal_rep = ?6, contact = ?7, phone = ?8, kind = ?9, medical = ?10,
            exporter = ?11, scale = ?12, production_status = ?13, founded_on = ?14, daily_capacity_wan = ?15,
            note = ?16, version = ?17, updated_at = ?18
         WHERE id = ?19 AND deleted = 0",
        )?
        .execute(rusqlite::params_from_iter(data_params(data).into_iter().chain([
            Value::Text(version.into()),
            Value::Text(at.into()),
            Value::Text(id.into()),
        ])))?;
    if n == 0 {
        return Err(StoreError::NotFound { entity: Entity::Enterprise, id: id.into() });
    }
    Ok(())
}

/// The live records holding the given (normalised) USCCs, keyed by USCC.
pub(crate) fn by_uscc(
    conn: &Connection,
    usccs: &[String],
) -> Result<std::collections::HashMap<String, EnterpriseRecord>> {
    let mut out = std::collections::HashMap::new();
    for chunk in usccs.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(",");
        let sql = format!("SELECT {COLUMNS} FROM enterprise WHERE deleted = 0 AND uscc IN ({marks})");
        // Cached: an import asks for every chunk of rows it reads (full chunks share one statement).
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(chunk.iter()), record_from)?;
        for r in rows {
            let r = r??;
            out.insert(r.data.uscc.clone(), r);
        }
    }
    Ok(out)
}

impl Tx<'_> {
    pub fn enterprise(&self, id: &str) -> Result<Option<EnterpriseRecord>> {
        get(self.conn(), id)
    }

    pub fn uscc_holder(&self, uscc: &str) -> Result<Option<UsccHolder>> {
        uscc_holder(self.conn(), uscc)
    }

    pub fn insert_enterprise(&mut self, meta: &RecordMeta, data: &EnterpriseInput) -> Result<()> {
        let rid = insert_row(self.conn(), meta, data)?;
        let address = data.production_address.as_deref().or(data.registered_address.as_deref());
        crate::search_index::insert(self.conn(), rid, &data.name, &data.uscc, address, meta.deleted)
    }

    pub fn update_enterprise(&mut self, id: &str, version: &str, at: &str, data: &EnterpriseInput) -> Result<()> {
        update_row(self.conn(), id, version, at, data)?;
        crate::search_index::reindex(self.conn(), id)
    }

    pub fn void_enterprise(&mut self, id: &str, version: &str, at: &str, reason: &str) -> Result<()> {
        let n = self.conn().execute(
            "UPDATE enterprise SET void_reason = ?1, voided_at = ?2, version = ?3, updated_at = ?2
             WHERE id = ?4 AND deleted = 0",
            params![reason, at, version, id],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound { entity: Entity::Enterprise, id: id.into() });
        }
        crate::search_index::reindex(self.conn(), id)
    }
}
