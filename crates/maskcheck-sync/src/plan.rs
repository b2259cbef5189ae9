//! The pure merge: incoming rows against what this device holds → the operations to apply, with nothing written.
//! The app gathers the local side, calls [`plan_row`] for each incoming row, then applies every operation in one
//! transaction (compute, then apply).
//!
//! Rules (ARCHITECTURE.md, "Sync"):
//! - Roster rows merge per field. An incoming field edited on top of the value held here (its `base` is our clock)
//!   is taken; ours edited on top of theirs is kept; otherwise the two are concurrent and the later clock wins
//!   (clock text order is clock order, ties broken by device), and the loser goes to the conflicts list.
//! - A void wins over any edit: a voided row takes no later edit (each is kept as a conflict), and a void arriving
//!   for a live row is applied whatever the clocks.
//! - Owned rows (inspections, samples …) are replaced whole by a later clock; the same clock with other content is
//!   quarantined.
//! - Issued documents and their service and revocation records are inserted once; the same id with other content,
//!   or another document with the same number, is quarantined as a legal conflict.
//! - A row stamped more than a day ahead of this device's clock is quarantined.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::records::{FieldVersion, QuarantineReason, Row, SyncTable, TableKind};

/// Columns that are bookkeeping, not fields a person edits.
const NOT_FIELDS: &[&str] = &["id", "origin", "version", "created_at", "updated_at"];
/// The void of a roster row.
const VOID_FIELDS: &[&str] = &["void_reason", "voided_at"];

/// What this device holds for one incoming row.
#[derive(Debug, Clone, Default)]
pub struct Local {
    pub row: Option<Map<String, Value>>,
    /// Field → (clock, the clock it replaced), for roster rows.
    pub fields: BTreeMap<String, (String, Option<String>)>,
    /// Another document already holds this row's number (documents only).
    pub number_taken_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub field: String,
    pub kept: Value,
    pub kept_version: String,
    pub lost: Value,
    pub lost_version: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Insert {
        row: Row,
        fields: Vec<FieldVersion>,
    },
    /// Set these columns (and the row's version) and their field clocks.
    Update {
        table: SyncTable,
        id: String,
        set: Map<String, Value>,
        fields: Vec<FieldVersion>,
    },
    Unchanged,
    Quarantine {
        reason: QuarantineReason,
        /// What the reason is about (the clock, the other document's id), as data.
        detail: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub op: Op,
    pub conflicts: Vec<Conflict>,
}

fn planned(op: Op) -> Planned {
    Planned { op, conflicts: Vec::new() }
}

/// The wall-clock milliseconds of a clock's text (`{ms:015}.{counter:010}.{device}`).
fn wall_ms(clock: &str) -> Option<i64> {
    clock.split('.').next()?.parse().ok()
}

fn is_void(row: &Map<String, Value>) -> bool {
    row.get("void_reason").is_some_and(|v| !v.is_null())
}

/// Plans one incoming row. `field_versions` are the incoming row's field clocks (roster rows); `now_ms` is this
/// device's clock, for the one-day rule.
pub fn plan_row(row: &Row, field_versions: &[FieldVersion], local: &Local, now_ms: i64) -> Planned {
    let version = row.version();
    if wall_ms(version).is_none_or(|ms| ms > now_ms + 86_400_000) {
        return planned(Op::Quarantine { reason: QuarantineReason::FutureClock, detail: version.into() });
    }
    match row.table.kind() {
        TableKind::AppendOnly => append_only(row, local),
        TableKind::Owned => owned(row, local),
        TableKind::Roster => roster(row, field_versions, local),
    }
}

fn append_only(row: &Row, local: &Local) -> Planned {
    match &local.row {
        None => match &local.number_taken_by {
            Some(other) => planned(Op::Quarantine { reason: QuarantineReason::DuplicateNumber, detail: other.clone() }),
            None => planned(Op::Insert { row: row.clone(), fields: Vec::new() }),
        },
        Some(held) if same_content(held, &row.values) => planned(Op::Unchanged),
        Some(_) => planned(Op::Quarantine { reason: QuarantineReason::IssuedDocumentChanged, detail: String::new() }),
    }
}

/// Equal in every column both sides carry (a column added by a newer schema on one side is not a difference).
fn same_content(a: &Map<String, Value>, b: &Map<String, Value>) -> bool {
    a.iter().all(|(k, v)| b.get(k).is_none_or(|w| w == v))
}

fn owned(row: &Row, local: &Local) -> Planned {
    let Some(held) = &local.row else { return planned(Op::Insert { row: row.clone(), fields: Vec::new() }) };
    let ours = held.get("version").and_then(Value::as_str).unwrap_or_default();
    match row.version().cmp(ours) {
        std::cmp::Ordering::Greater => {
            let set: Map<String, Value> =
                row.values.iter().filter(|(k, _)| *k != "id").map(|(k, v)| (k.clone(), v.clone())).collect();
            planned(Op::Update { table: row.table, id: row.id().into(), set, fields: Vec::new() })
        }
        std::cmp::Ordering::Equal if same_content(held, &row.values) => planned(Op::Unchanged),
        std::cmp::Ordering::Equal => {
            planned(Op::Quarantine { reason: QuarantineReason::SameClockOtherContent, detail: row.version().into() })
        }
        std::cmp::Ordering::Less => planned(Op::Unchanged),
    }
}

fn roster(row: &Row, incoming: &[FieldVersion], local: &Local) -> Planned {
    let their_clock = |field: &str| -> (String, Option<String>) {
        incoming
            .iter()
            .find(|f| f.field == field)
            .map(|f| (f.version.clone(), f.base.clone()))
            .unwrap_or_else(|| (row.version().to_string(), None))
    };
    let fields_of = |values: &Map<String, Value>| -> Vec<String> {
        values.keys().filter(|k| !NOT_FIELDS.contains(&k.as_str())).cloned().collect()
    };
    let Some(held) = &local.row else {
        let fields = fields_of(&row.values)
            .into_iter()
            .map(|f| {
                let (version, base) = their_clock(&f);
                FieldVersion { table: row.table, id: row.id().into(), field: f, version, base }
            })
            .collect();
        return planned(Op::Insert { row: row.clone(), fields });
    };
    let held_version = held.get("version").and_then(Value::as_str).unwrap_or_default().to_string();
    let our_clock = |field: &str| -> (String, Option<String>) {
        local.fields.get(field).cloned().unwrap_or_else(|| (held_version.clone(), None))
    };
    let voided_here = is_void(held);
    let void_arrives = is_void(&row.values) && !voided_here;
    let mut set = Map::new();
    let mut fields = Vec::new();
    let mut conflicts = Vec::new();
    for field in fields_of(&row.values) {
        let theirs = row.values.get(&field).cloned().unwrap_or(Value::Null);
        let ours = held.get(&field).cloned().unwrap_or(Value::Null);
        let (tv, tbase) = their_clock(&field);
        let (ov, obase) = our_clock(&field);
        if tv == ov {
            continue;
        }
        let is_void_field = VOID_FIELDS.contains(&field.as_str());
        let take = if void_arrives && is_void_field {
            true // a void wins whatever the clocks
        } else if voided_here {
            // Nothing edits a voided row; an edit is kept for a person to see, not resurrected.
            if theirs != ours && !is_void_field {
                conflicts.push(Conflict {
                    field: field.clone(),
                    kept: ours.clone(),
                    kept_version: ov.clone(),
                    lost: theirs.clone(),
                    lost_version: tv.clone(),
                });
            }
            false
        } else if tbase.as_deref() == Some(ov.as_str()) {
            true // edited on top of what we hold
        } else if obase.as_deref() == Some(tv.as_str()) {
            false // ours is the later edit of theirs
        } else {
            let take = tv > ov;
            if theirs != ours {
                let (kept, kept_version, lost, lost_version) = if take {
                    (theirs.clone(), tv.clone(), ours.clone(), ov.clone())
                } else {
                    (ours.clone(), ov.clone(), theirs.clone(), tv.clone())
                };
                conflicts.push(Conflict { field: field.clone(), kept, kept_version, lost, lost_version });
            }
            take
        };
        if take {
            set.insert(field.clone(), theirs);
            fields.push(FieldVersion { table: row.table, id: row.id().into(), field, version: tv, base: tbase });
        }
    }
    if set.is_empty() && conflicts.is_empty() {
        return planned(Op::Unchanged);
    }
    if !set.is_empty() {
        let newest = std::cmp::max(held_version.as_str(), row.version()).to_string();
        set.insert("version".into(), Value::String(newest));
    }
    let op =
        if set.is_empty() { Op::Unchanged } else { Op::Update { table: row.table, id: row.id().into(), set, fields } };
    Planned { op, conflicts }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_795_000_000_000;

    fn clock(ms: i64, device: &str) -> String {
        format!("{ms:015}.{:010}.{device}", 0)
    }

    fn values(pairs: &[(&str, Value)]) -> Map<String, Value> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
    }

    fn enterprise(version: &str, phone: &str, note: &str) -> Row {
        Row {
            table: SyncTable::Enterprise,
            values: values(&[
                ("id", "e1".into()),
                ("version", version.into()),
                ("phone", phone.into()),
                ("note", note.into()),
                ("void_reason", Value::Null),
            ]),
        }
    }

    fn fv(field: &str, version: &str, base: Option<&str>) -> FieldVersion {
        FieldVersion {
            table: SyncTable::Enterprise,
            id: "e1".into(),
            field: field.into(),
            version: version.into(),
            base: base.map(Into::into),
        }
    }

    fn local(row: &Row, fields: &[(&str, &str, Option<&str>)]) -> Local {
        Local {
            row: Some(row.values.clone()),
            fields: fields.iter().map(|(f, v, b)| (f.to_string(), (v.to_string(), b.map(Into::into)))).collect(),
            number_taken_by: None,
        }
    }

    fn set_fields(p: &Planned) -> Vec<String> {
        match &p.op {
            Op::Update { set, .. } => set.keys().filter(|k| *k != "version").cloned().collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn different_fields_both_survive_and_the_same_field_keeps_the_loser() {
        let v0 = clock(NOW - 10_000, "a");
        let base = enterprise(&v0, "111", "");
        // A edited the phone, B the note, each on top of v0.
        let va = clock(NOW - 5_000, "a");
        let vb = clock(NOW - 4_000, "b");
        let ours = enterprise(&vb, "111", "B 的备注");
        let theirs = enterprise(&va, "222", "");
        let here = local(&ours, &[("phone", &v0, None), ("note", &vb, Some(&v0))]);
        let p = plan_row(&theirs, &[fv("phone", &va, Some(&v0)), fv("note", &v0, None)], &here, NOW);
        assert_eq!(set_fields(&p), vec!["phone"], "A's phone is taken, B's note is kept");
        assert!(p.conflicts.is_empty());

        // Both edited the phone: the later clock wins and the other value is kept as a conflict.
        let ours = enterprise(&vb, "333", "");
        let here = local(&ours, &[("phone", &vb, Some(&v0)), ("note", &v0, None)]);
        let p = plan_row(&theirs, &[fv("phone", &va, Some(&v0)), fv("note", &v0, None)], &here, NOW);
        assert!(set_fields(&p).is_empty(), "ours (vb) is later");
        assert_eq!(p.conflicts.len(), 1);
        assert_eq!(
            (p.conflicts[0].kept.clone(), p.conflicts[0].lost.clone()),
            (Value::from("333"), Value::from("222"))
        );
        let _ = base;
    }

    #[test]
    fn a_void_wins_and_an_edit_after_it_is_flagged_not_applied() {
        let v0 = clock(NOW - 10_000, "a");
        let v1 = clock(NOW - 1_000, "b");
        let mut voided = enterprise(&v0, "111", "");
        voided.values.insert("void_reason".into(), "重复录入".into());
        let here = local(&voided, &[("void_reason", &v0, None), ("phone", &v0, None)]);
        let edit = enterprise(&v1, "999", "");
        let p = plan_row(&edit, &[fv("phone", &v1, Some(&v0)), fv("void_reason", &v0, None)], &here, NOW);
        assert_eq!(p.op, Op::Unchanged, "not resurrected");
        assert_eq!(p.conflicts.len(), 1, "the edit is flagged");

        let live = enterprise(&v1, "999", "");
        let here = local(&live, &[("phone", &v1, None), ("void_reason", &v1, None)]);
        let p = plan_row(&voided, &[fv("void_reason", &v0, None), fv("phone", &v0, None)], &here, NOW);
        assert_eq!(set_fields(&p), vec!["void_reason"], "an older void still wins");
    }

    #[test]
    fn owned_and_issued_rows_follow_their_rules() {
        let v1 = clock(NOW - 2_000, "a");
        let v2 = clock(NOW - 1_000, "a");
        let row = |table, v: &str, text: &str| Row {
            table,
            values: values(&[("id", "x".into()), ("version", v.into()), ("text", text.into())]),
        };
        let held = |r: &Row| Local { row: Some(r.values.clone()), ..Default::default() };
        let cases = [
            (row(SyncTable::Finding, &v2, "新"), Some(row(SyncTable::Finding, &v1, "旧")), "update"),
            (row(SyncTable::Finding, &v1, "旧"), Some(row(SyncTable::Finding, &v2, "新")), "unchanged"),
            (row(SyncTable::Finding, &v1, "改"), Some(row(SyncTable::Finding, &v1, "原")), "quarantine"),
            (row(SyncTable::Document, &v1, "原"), Some(row(SyncTable::Document, &v1, "原")), "unchanged"),
            (row(SyncTable::Document, &v1, "改"), Some(row(SyncTable::Document, &v1, "原")), "quarantine"),
            (row(SyncTable::Document, &v1, "原"), None, "insert"),
            (row(SyncTable::Finding, &clock(NOW + 7 * 86_400_000, "a"), "未来"), None, "quarantine"),
        ];
        for (incoming, here, want) in cases {
            let local = here.as_ref().map(held).unwrap_or_default();
            let got = match plan_row(&incoming, &[], &local, NOW).op {
                Op::Insert { .. } => "insert",
                Op::Update { .. } => "update",
                Op::Unchanged => "unchanged",
                Op::Quarantine { .. } => "quarantine",
            };
            assert_eq!(got, want, "{incoming:?} over {here:?}");
        }
        let taken = Local { number_taken_by: Some("doc-9".into()), ..Default::default() };
        assert!(matches!(plan_row(&row(SyncTable::Document, &v1, "原"), &[], &taken, NOW).op, Op::Quarantine { .. }));
    }
}
