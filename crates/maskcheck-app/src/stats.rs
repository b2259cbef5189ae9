//! The campaign's statistics tables from this device's records: on an inspector's laptop its own (it also holds
//! colleagues' records about its county, which are theirs to report), on a bureau everything it merged or one
//! unit's. Appendix 3 (the makers), 4 (cases by category) and 5 (every sampled product) as figures for the window
//! and as the workbook a clerk sends up, one appendix or all three.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use chrono::NaiveDate;
use maskcheck_domain::appendix::{
    appendix4, appendix5_row, inspection_summary, Appendix4Row, Appendix5Row, EnterpriseFacts, Period, Visit,
};
use maskcheck_domain::Role;
use maskcheck_sheets::appendix_book::{write_appendices, AppendixSheet};
use maskcheck_sheets::export::Appendix3Row;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::export::ExportResultDto;
use crate::sync_devices::peer_card;
use crate::{today, App, AppError, ErrorCode, Result};

/// Which appendix to write: one, or all three in one workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum AppendixChoice {
    Three,
    Four,
    Five,
    All,
}

impl AppendixChoice {
    /// `3`, `4`, `5` or `all`, as the CLI takes it.
    pub fn parse(s: &str) -> Result<AppendixChoice> {
        match s.trim() {
            "3" => Ok(AppendixChoice::Three),
            "4" => Ok(AppendixChoice::Four),
            "5" => Ok(AppendixChoice::Five),
            "all" => Ok(AppendixChoice::All),
            other => Err(AppError::new(ErrorCode::Validation, format!("没有附件“{other}”：统计表为附件3、4、5或all"))),
        }
    }
}

/// Whose records a table counts.
pub(crate) enum Scope {
    /// An inspector's laptop: the records this device made.
    Own(String),
    /// A bureau: every record it holds.
    All,
    /// A bureau: the records made by the devices of one unit.
    Unit(String, HashMap<String, String>),
}

impl Scope {
    pub(crate) fn counts(&self, origin: &str) -> bool {
        match self {
            Scope::Own(device) => origin == device,
            Scope::All => true,
            Scope::Unit(unit, units) => units.get(origin) == Some(unit),
        }
    }
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

impl App {
    /// The unit of each device this one knows: itself (its profile's unit) and every peer (its card's unit).
    pub(crate) fn units_by_origin(&self) -> Result<HashMap<String, String>> {
        let mut out = HashMap::new();
        for p in self.store().peers()? {
            out.insert(p.device_id.clone(), peer_card(&p)?.card.unit_name);
        }
        out.insert(self.device_id()?, self.profile()?.unit_name);
        Ok(out)
    }

    /// Whose records count: an inspector's own; a bureau's all, or one unit's.
    pub(crate) fn scope(&self, unit: Option<&str>) -> Result<Scope> {
        let profile = self.profile()?;
        Ok(match (profile.role, unit.map(str::trim).filter(|u| !u.is_empty())) {
            (Role::Inspector, _) => Scope::Own(self.device_id()?),
            (Role::Bureau, None) => Scope::All,
            (Role::Bureau, Some(u)) => Scope::Unit(u.to_string(), self.units_by_origin()?),
        })
    }

    /// Every visit the scope made: inspections, re-inspections and sampling visits of their own.
    fn visits(&self, scope: &Scope) -> Result<Vec<Visit>> {
        Ok(self
            .store()
            .visits()?
            .into_iter()
            .filter(|v| scope.counts(&v.origin))
            .filter_map(|v| Some(Visit { on: date(&v.on)?, inspectors: v.inspectors, enterprise_id: v.enterprise_id }))
            .collect())
    }

    /// Appendix 4 of the period: seven categories from the cases opened in it, then 合计 with the visits.
    pub fn appendix4(&self, period: Period, unit: Option<&str>) -> Result<Vec<Appendix4Row>> {
        let scope = self.scope(unit)?;
        self.appendix4_of(&scope, period)
    }

    pub(crate) fn appendix4_of(&self, scope: &Scope, period: Period) -> Result<Vec<Appendix4Row>> {
        let rows = self.store().cases()?;
        let cases = rows
            .iter()
            .filter(|r| scope.counts(&r.meta.origin))
            .map(|r| serde_json::from_str(&r.input).map_err(|e| AppError::new(ErrorCode::Storage, e.to_string())))
            .collect::<Result<Vec<_>>>()?;
        Ok(appendix4(&cases, &self.visits(scope)?, period))
    }

    /// Appendix 5: each product the scope sampled in the period, oldest first.
    pub fn appendix5(&self, period: Period, unit: Option<&str>) -> Result<Vec<Appendix5Row>> {
        let scope = self.scope(unit)?;
        self.appendix5_of(&scope, period)
    }

    pub(crate) fn appendix5_of(&self, scope: &Scope, period: Period) -> Result<Vec<Appendix5Row>> {
        let records: Vec<_> =
            self.store().samples(None)?.into_iter().filter(|r| scope.counts(&r.meta.origin)).collect();
        let mut samples = Vec::with_capacity(records.len());
        for r in records {
            let s = self.sample_dto(r)?;
            if period.contains(s.input.sampled_on) {
                samples.push(s);
            }
        }
        samples.sort_by(|a, b| (a.input.sampled_on, &a.created_at).cmp(&(b.input.sampled_on, &b.created_at)));
        let mut rows = Vec::with_capacity(samples.len());
        for s in &samples {
            let e = self.store().enterprise(&s.input.enterprise_id)?;
            let facts = EnterpriseFacts {
                name: e.as_ref().map(|e| e.data.name.as_str()).unwrap_or(&s.enterprise_name),
                production_status: e.as_ref().and_then(|e| e.data.production_status),
                scale: e.as_ref().and_then(|e| e.data.scale),
                founded_on: e.as_ref().and_then(|e| e.data.founded_on),
            };
            rows.push(appendix5_row(&s.input, s.result.as_ref(), &facts));
        }
        Ok(rows)
    }

    /// Appendix 3: the non-medical makers of the roster (of the unit's county, when one unit is asked for), each
    /// with its latest inspection.
    pub(crate) fn appendix3_rows(&self, unit: Option<&str>) -> Result<Vec<Appendix3Row>> {
        let counties: Option<BTreeSet<String>> = match self.scope(unit)? {
            Scope::Unit(u, _) => {
                let mut set: BTreeSet<String> = BTreeSet::new();
                for p in self.store().peers()? {
                    let card = peer_card(&p)?.card;
                    if card.unit_name == u && !card.county.is_empty() {
                        set.insert(card.county);
                    }
                }
                let me = self.profile()?;
                if me.unit_name == u {
                    set.insert(me.county);
                }
                Some(set)
            }
            _ => None,
        };
        let store = self.store();
        let enterprises = store.live_enterprises()?;
        let products = store.live_products()?;
        let mut latest: HashMap<String, (String, u32)> = HashMap::new();
        for (enterprise, on, findings) in store.finished_inspections()? {
            let slot = latest.entry(enterprise).or_insert_with(|| (String::new(), 0));
            if on > slot.0 {
                *slot = (on, findings);
            }
        }
        drop(store);
        Ok(enterprises
            .iter()
            .filter(|e| e.data.kind == maskcheck_domain::EnterpriseKind::Maker && !e.data.medical)
            .filter(|e| counties.as_ref().is_none_or(|c| e.data.county.as_ref().is_some_and(|k| c.contains(k))))
            .map(|e| {
                let mut row = crate::export::appendix3_row(
                    &e.data,
                    products.get(&e.meta.id).map(Vec::as_slice).unwrap_or_default(),
                );
                row.inspection =
                    inspection_summary(latest.get(&e.meta.id).and_then(|(on, findings)| Some((date(on)?, *findings))));
                row
            })
            .collect())
    }

    /// Writes appendix 3, 4, 5 or all three of the period to `dest`, with this unit (or the unit asked for) as
    /// 填报单位 and today as 填报时间. Returns the rows written (all sheets together).
    pub fn export_appendix(
        &self,
        choice: AppendixChoice,
        period: Period,
        unit: Option<&str>,
        dest: &Path,
    ) -> Result<ExportResultDto> {
        let scope = self.scope(unit)?;
        let filler = match &scope {
            Scope::Unit(u, _) => u.clone(),
            _ => self.profile()?.unit_name,
        };
        let date = maskcheck_domain::dates::zh_date(today());
        let want = |c| choice == c || choice == AppendixChoice::All;
        let a3 = if want(AppendixChoice::Three) { self.appendix3_rows(unit)? } else { vec![] };
        let a4 = if want(AppendixChoice::Four) { self.appendix4_of(&scope, period)? } else { vec![] };
        let a5 = if want(AppendixChoice::Five) { self.appendix5_of(&scope, period)? } else { vec![] };
        let mut sheets = Vec::new();
        if want(AppendixChoice::Three) {
            sheets.push(AppendixSheet::Three(&a3));
        }
        if want(AppendixChoice::Four) {
            sheets.push(AppendixSheet::Four(&a4));
        }
        if want(AppendixChoice::Five) {
            sheets.push(AppendixSheet::Five(&a5));
        }
        write_appendices(dest, &filler, &date, &sheets)?;
        Ok(ExportResultDto { path: dest.display().to_string(), rows: (a3.len() + a4.len() + a5.len()) as u32 })
    }
}
