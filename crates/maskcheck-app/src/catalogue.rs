//! The legal-basis catalogue (法律依据) and checklist templates (检查表) in use, and where they come from: a file
//! the bureau put in its data directory (`legal-basis.json`, `checklists/*.json`), else what the bureau's latest
//! bundle brought (held in the database, so it arrives in the import's transaction), else what ships in `assets/`.
//! The same catalogue feeds the window, the CLI and the PDFs; a bureau's bundle carries its own to the laptops.

use std::path::{Path, PathBuf};

use maskcheck_domain::checklist::{
    builtin_catalogue, builtin_templates, check_bureau_data, check_complete, parse_bureau_template, parse_catalogue,
    ChecklistTemplate, LegalCatalogue,
};
use maskcheck_store::Tx;
use serde::Serialize;
use ts_rs::TS;

use crate::{App, AppError, ErrorCode, Result};

/// Meta keys of what the bureau's bundle brought: the catalogue's JSON, the templates' JSON texts (as a JSON
/// array), and `sender seq` of the bundle that brought them (an older bundle opened later changes nothing).
const RECEIVED_CATALOGUE: &str = "bureau_catalogue";
const RECEIVED_TEMPLATES: &str = "bureau_templates";
const RECEIVED_FROM: &str = "bureau_catalogue_from";
/// Every template version a bureau ever sent, kept when the bureau stops using it: an inspection done with it must
/// still read with the checks it was done with.
const TEMPLATE_ARCHIVE: &str = "template_archive";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CatalogueSource {
    /// Shipped with the app (`assets/legal-basis.json`).
    Shipped,
    /// A file in this data directory.
    DataDir,
    /// Brought by the bureau's bundle.
    Bureau,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplateInUse {
    pub key: String,
    pub version: u32,
    pub title: String,
    pub source: CatalogueSource,
}

/// What the settings page shows: the catalogue in use, where it comes from, and the templates beside it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogueInfoDto {
    pub source: CatalogueSource,
    /// The file, when the catalogue is one in the data directory.
    pub path: Option<String>,
    /// The bureau device whose bundle brought it.
    pub from_device: Option<String>,
    pub entries: u32,
    pub templates: Vec<TemplateInUse>,
}

fn refused(path: &Path, e: impl std::fmt::Display) -> AppError {
    AppError::new(ErrorCode::CatalogueRefused, format!("{}：{e}", path.display())).about(path.display().to_string())
}

fn shipped_err(e: impl std::fmt::Display) -> AppError {
    AppError::new(ErrorCode::Storage, e.to_string())
}

impl App {
    fn catalogue_file(&self) -> PathBuf {
        self.data_dir().join("legal-basis.json")
    }

    fn templates_dir(&self) -> PathBuf {
        self.data_dir().join("checklists")
    }

    /// The catalogue in use and where it comes from. A bureau's copy must hold every key the rules and documents
    /// cite, or it is refused with the missing keys named (a bare key must never print).
    fn catalogue_with_source(&self) -> Result<(LegalCatalogue, CatalogueSource)> {
        let file = self.catalogue_file();
        if file.exists() {
            let text = std::fs::read_to_string(&file).map_err(|e| AppError::io(&file, e))?;
            let cat =
                parse_catalogue(&text).and_then(|c| check_complete(&c).map(|()| c)).map_err(|e| refused(&file, e))?;
            return Ok((cat, CatalogueSource::DataDir));
        }
        if let Some(text) = self.store().meta(RECEIVED_CATALOGUE)? {
            // Checked when it arrived; checked again, since a bad catalogue must never print.
            let cat = parse_catalogue(&text).and_then(|c| check_complete(&c).map(|()| c)).map_err(shipped_err)?;
            return Ok((cat, CatalogueSource::Bureau));
        }
        Ok((builtin_catalogue().map_err(shipped_err)?, CatalogueSource::Shipped))
    }

    /// The legal-basis catalogue in use.
    pub fn catalogue(&self) -> Result<LegalCatalogue> {
        Ok(self.catalogue_with_source()?.0)
    }

    /// The bureau's own templates: files in `checklists/`, else the ones its bundle brought.
    fn own_templates(&self, catalogue: &LegalCatalogue) -> Result<Vec<(ChecklistTemplate, CatalogueSource)>> {
        let dir = self.templates_dir();
        let mut out = Vec::new();
        if dir.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
                .map_err(|e| AppError::io(&dir, e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect();
            files.sort();
            for f in files {
                let text = std::fs::read_to_string(&f).map_err(|e| AppError::io(&f, e))?;
                out.push((
                    parse_bureau_template(&text, catalogue).map_err(|e| refused(&f, e))?,
                    CatalogueSource::DataDir,
                ));
            }
        }
        if out.is_empty() {
            for text in self.received_templates()? {
                out.push((parse_bureau_template(&text, catalogue).map_err(shipped_err)?, CatalogueSource::Bureau));
            }
        }
        Ok(out)
    }

    fn received_templates(&self) -> Result<Vec<String>> {
        let Some(json) = self.store().meta(RECEIVED_TEMPLATES)? else { return Ok(Vec::new()) };
        serde_json::from_str(&json).map_err(shipped_err)
    }

    /// Every template this device knows (each version of each key), shipped ones first.
    fn all_templates(&self) -> Result<Vec<(ChecklistTemplate, CatalogueSource)>> {
        let catalogue = self.catalogue()?;
        let mut all: Vec<(ChecklistTemplate, CatalogueSource)> =
            builtin_templates().map_err(shipped_err)?.into_iter().map(|t| (t, CatalogueSource::Shipped)).collect();
        all.extend(self.own_templates(&catalogue)?);
        Ok(all)
    }

    /// The templates a new inspection may start from: the latest version of each key.
    pub(crate) fn current_templates(&self) -> Result<Vec<(ChecklistTemplate, CatalogueSource)>> {
        let mut latest: Vec<(ChecklistTemplate, CatalogueSource)> = Vec::new();
        for (t, source) in self.all_templates()? {
            match latest.iter_mut().find(|(l, _)| l.key == t.key) {
                Some(l) if l.0.version < t.version => *l = (t, source),
                Some(_) => {}
                None => latest.push((t, source)),
            }
        }
        Ok(latest)
    }

    fn archived_templates(&self) -> Result<Vec<ChecklistTemplate>> {
        let Some(json) = self.store().meta(TEMPLATE_ARCHIVE)? else { return Ok(Vec::new()) };
        serde_json::from_str(&json).map_err(shipped_err)
    }

    /// A template by key: the given version (an inspection's own, so it reads as it was done), else the latest.
    pub(crate) fn template(&self, key: &str, version: Option<u32>) -> Result<ChecklistTemplate> {
        if let Some(v) = version {
            // Every autosave asks for its inspection's template: the shipped ones and the archive are read without
            // loading and checking the catalogue; the data directory's files only when neither has it.
            let found = |t: &ChecklistTemplate| t.key == key && t.version == v;
            if let Some(t) = builtin_templates().map_err(shipped_err)?.into_iter().find(found) {
                return Ok(t);
            }
            if let Some(t) = self.archived_templates()?.into_iter().find(found) {
                return Ok(t);
            }
            if let Some((t, _)) = self.all_templates()?.into_iter().find(|(t, _)| found(t)) {
                return Ok(t);
            }
        }
        self.current_templates()?
            .into_iter()
            .map(|(t, _)| t)
            .find(|t| t.key == key)
            .ok_or_else(|| AppError::new(ErrorCode::NotFound, format!("没有检查表 {key}")).about(key.to_string()))
    }

    pub fn catalogue_info(&self) -> Result<CatalogueInfoDto> {
        let (catalogue, source) = self.catalogue_with_source()?;
        let from_device = match source {
            CatalogueSource::Bureau => {
                self.store().meta(RECEIVED_FROM)?.and_then(|f| f.split_whitespace().next().map(str::to_string))
            }
            _ => None,
        };
        let templates = self
            .current_templates()?
            .into_iter()
            .map(|(t, source)| TemplateInUse { key: t.key, version: t.version, title: t.title, source })
            .collect();
        Ok(CatalogueInfoDto {
            source,
            path: (source == CatalogueSource::DataDir).then(|| self.catalogue_file().display().to_string()),
            from_device,
            entries: catalogue.entries.len() as u32,
            templates,
        })
    }

    /// What a bureau's bundle carries: its catalogue when it is not the shipped one, and its own templates.
    pub(crate) fn bureau_data_for_bundle(&self) -> Result<(Option<String>, Vec<String>)> {
        let (catalogue, source) = self.catalogue_with_source()?;
        let catalogue = match source {
            CatalogueSource::Shipped => None,
            _ => Some(serde_json::to_string(&catalogue).map_err(shipped_err)?),
        };
        let templates = self
            .own_templates(&self.catalogue()?)?
            .into_iter()
            .map(|(t, _)| serde_json::to_string(&t).map_err(shipped_err))
            .collect::<Result<Vec<_>>>()?;
        Ok((catalogue, templates))
    }

    /// Takes the catalogue and templates a bureau's bundle carries, inside the import's transaction: checked
    /// first (complete, every template's bases present), applied only when the bundle is newer than the one that
    /// brought the current ones. A bundle without them means the bureau uses the shipped ones again. Returns the
    /// refusal, for the quarantine, when they do not pass.
    pub(crate) fn apply_bureau_data(
        &self,
        tx: &mut Tx<'_>,
        meta: &maskcheck_sync::Records,
        (sender, seq): (&str, u64),
    ) -> Result<Option<String>> {
        if let Some(from) = tx.meta(RECEIVED_FROM)? {
            let mut parts = from.split_whitespace();
            let (held_sender, held_seq) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
            if held_sender == sender && held_seq.parse::<u64>().is_ok_and(|s| s >= seq) {
                return Ok(None);
            }
        }
        let current = builtin_catalogue().map_err(shipped_err)?;
        let checked = check_bureau_data(meta.catalogue.as_deref(), &meta.templates, &current);
        let (catalogue, templates) = match checked {
            Ok(ok) => ok,
            Err(e) => return Ok(Some(e.0)),
        };
        let mut archive: Vec<ChecklistTemplate> = match tx.meta(TEMPLATE_ARCHIVE)? {
            Some(json) => serde_json::from_str(&json).map_err(shipped_err)?,
            None => Vec::new(),
        };
        for t in &templates {
            match archive.iter().find(|a| a.key == t.key && a.version == t.version) {
                // A version names one list of checks for good: an edit needs a new version number.
                Some(held) if held != t => {
                    return Ok(Some(format!(
                        "检查表 {} 第 {} 版的内容与此前收到的不同：修改检查表须使用新的版本号",
                        t.key, t.version
                    )));
                }
                Some(_) => {}
                None => archive.push(t.clone()),
            }
        }
        tx.put_meta(TEMPLATE_ARCHIVE, Some(&serde_json::to_string(&archive).map_err(shipped_err)?))?;
        let catalogue = catalogue.map(|c| serde_json::to_string(&c)).transpose().map_err(shipped_err)?;
        let templates: Vec<String> =
            templates.iter().map(serde_json::to_string).collect::<std::result::Result<_, _>>().map_err(shipped_err)?;
        tx.put_meta(RECEIVED_CATALOGUE, catalogue.as_deref())?;
        let templates = (!templates.is_empty()).then(|| serde_json::to_string(&templates)).transpose();
        tx.put_meta(RECEIVED_TEMPLATES, templates.map_err(shipped_err)?.as_deref())?;
        tx.put_meta(RECEIVED_FROM, Some(&format!("{sender} {seq}")))?;
        Ok(None)
    }
}
