//! The enterprise roster (企业名录): enterprises, their licences and products.

use maskcheck_domain::county::KnownCounties;
use maskcheck_domain::Entity;
use maskcheck_domain::{
    licence_state, validate_enterprise, validate_licence, validate_product, EnterpriseInput, EnterpriseQuery, Field,
    FieldError, LicenceFilter, LicenceInput, ProductInput, Rule,
};
use maskcheck_store::{RecordMeta, StoreError, Tx};

use crate::{
    now_ms, now_text, today, App, AppError, DashboardDto, EnterpriseDetailDto, EnterpriseDto, EnterprisePageDto,
    EnterpriseRowDto, LicenceDto, ProductDto, Result,
};

/// Metadata for a record created now on this device.
pub(crate) fn new_meta(tx: &mut Tx<'_>, device: &str) -> Result<RecordMeta> {
    let at = now_text();
    Ok(RecordMeta {
        id: uuid::Uuid::now_v7().to_string(),
        origin: device.to_string(),
        version: tx.next_version(device, now_ms())?,
        deleted: false,
        created_at: at.clone(),
        updated_at: at,
    })
}

pub(crate) fn void_reason(reason: &str) -> Result<String> {
    let r = reason.trim();
    if r.is_empty() {
        return Err(AppError::field(FieldError::new(Field::Reason, Rule::Required, "")));
    }
    if r.chars().count() > 500 {
        return Err(AppError::field(FieldError::new(Field::Reason, Rule::TooLong, "500")));
    }
    Ok(r.to_string())
}

/// Refuses a USCC held by another enterprise, naming that enterprise.
fn check_uscc_free(tx: &Tx<'_>, uscc: &str, own_id: Option<&str>) -> Result<()> {
    if let Some(holder) = tx.uscc_holder(uscc)? {
        if Some(holder.id.as_str()) != own_id {
            let detail = if holder.voided { format!("{}（已作废）", holder.name) } else { holder.name };
            return Err(AppError::field(FieldError::new(Field::Uscc, Rule::UsccDuplicate, detail)));
        }
    }
    Ok(())
}

fn not_found(entity: Entity, id: &str) -> AppError {
    StoreError::NotFound { entity, id: id.to_string() }.into()
}

impl App {
    pub fn create_enterprise(&self, input: EnterpriseInput) -> Result<EnterpriseDto> {
        self.check_county(&input)?;
        let valid = validate_enterprise(&input, today())?.into_inner();
        let device = self.device_id()?;
        let mut store = self.store();
        let id = store.write(|tx| {
            check_uscc_free(tx, &valid.uscc, None)?;
            let meta = new_meta(tx, &device)?;
            tx.insert_enterprise(&meta, &valid)?;
            Ok::<_, AppError>(meta.id)
        })?;
        store.enterprise(&id)?.map(Into::into).ok_or_else(|| not_found(Entity::Enterprise, &id))
    }

    pub fn update_enterprise(&self, id: &str, input: EnterpriseInput) -> Result<EnterpriseDto> {
        self.check_county(&input)?;
        let valid = validate_enterprise(&input, today())?.into_inner();
        let device = self.device_id()?;
        let mut store = self.store();
        store.write(|tx| {
            check_uscc_free(tx, &valid.uscc, Some(id))?;
            let version = tx.next_version(&device, now_ms())?;
            tx.update_enterprise(id, &version, &now_text(), &valid)?;
            Ok::<_, AppError>(())
        })?;
        store.enterprise(id)?.map(Into::into).ok_or_else(|| not_found(Entity::Enterprise, id))
    }

    /// Voids (作废) an enterprise with a reason; it stays in the database, hidden from the default list.
    pub fn void_enterprise(&self, id: &str, reason: &str) -> Result<EnterpriseDto> {
        let reason = void_reason(reason)?;
        let device = self.device_id()?;
        let mut store = self.store();
        store.write(|tx| {
            let version = tx.next_version(&device, now_ms())?;
            tx.void_enterprise(id, &version, &now_text(), &reason)?;
            Ok::<_, AppError>(())
        })?;
        store.enterprise(id)?.map(Into::into).ok_or_else(|| not_found(Entity::Enterprise, id))
    }

    pub fn enterprise_detail(&self, id: &str) -> Result<EnterpriseDetailDto> {
        let store = self.store();
        let enterprise = store.enterprise(id)?.ok_or_else(|| not_found(Entity::Enterprise, id))?;
        let today = today();
        Ok(EnterpriseDetailDto {
            enterprise: enterprise.into(),
            licences: store.licences(id)?.into_iter().map(|l| LicenceDto::from_record(l, today)).collect(),
            products: store.products(id)?.into_iter().map(Into::into).collect(),
            production_barred: store.production_barred(id)?,
        })
    }

    pub fn list_enterprises(&self, query: EnterpriseQuery) -> Result<EnterprisePageDto> {
        let today = today();
        let page = self.store().list_enterprises(&query, today)?;
        Ok(EnterprisePageDto {
            total: u32::try_from(page.total).unwrap_or(u32::MAX),
            rows: page
                .rows
                .into_iter()
                .map(|r| EnterpriseRowDto {
                    licence_state: r.earliest_expiry.map(|d| licence_state(Some(d), today)),
                    id: r.id,
                    name: r.name,
                    uscc: r.uscc,
                    county: r.county,
                    production_address: r.production_address,
                    kind: r.kind,
                    medical: r.medical,
                    earliest_expiry: r.earliest_expiry,
                    voided: r.voided,
                })
                .collect(),
        })
    }

    pub fn counties(&self) -> Result<Vec<String>> {
        Ok(self.store().counties()?)
    }

    /// The unit's own county (from setup) and those on its roster.
    pub(crate) fn known_counties(&self) -> Result<KnownCounties> {
        let own = self.store().profile()?.map(|p| p.input.county);
        Ok(KnownCounties::new(own.into_iter().chain(self.counties()?)))
    }

    /// The one county rule (`maskcheck_domain::county`), confirmed-new counties allowed.
    fn check_county(&self, input: &EnterpriseInput) -> Result<()> {
        let confirmed = input.new_county.unwrap_or(false).then(|| input.county.clone()).flatten();
        match self.known_counties()?.confirming(confirmed).check(input.county.as_deref()) {
            Some(e) => Err(AppError::field(e)),
            None => Ok(()),
        }
    }

    pub fn dashboard(&self) -> Result<DashboardDto> {
        let count = |licence: Option<LicenceFilter>| -> Result<u32> {
            let q = EnterpriseQuery { licence, limit: 1, ..Default::default() };
            Ok(self.list_enterprises(q)?.total)
        };
        Ok(DashboardDto {
            enterprise_count: count(None)?,
            expired_licences: count(Some(LicenceFilter::Expired))?,
            expiring_licences: count(Some(LicenceFilter::Expiring))?,
        })
    }

    /// Adds a licence to an enterprise (`id` None) or edits one.
    pub fn save_licence(&self, enterprise_id: &str, id: Option<&str>, input: LicenceInput) -> Result<LicenceDto> {
        let valid = validate_licence(&input, crate::today())?.get().clone();
        let device = self.device_id()?;
        let mut store = self.store();
        let id = store.write(|tx| {
            tx.enterprise(enterprise_id)?.ok_or_else(|| not_found(Entity::Enterprise, enterprise_id))?;
            match id {
                Some(id) => {
                    let version = tx.next_version(&device, now_ms())?;
                    tx.update_licence(enterprise_id, id, &version, &now_text(), &valid)?;
                    Ok::<_, AppError>(id.to_string())
                }
                None => {
                    let meta = new_meta(tx, &device)?;
                    tx.insert_licence(&meta, enterprise_id, &valid)?;
                    Ok(meta.id)
                }
            }
        })?;
        let today = today();
        store
            .licences(enterprise_id)?
            .into_iter()
            .find(|l| l.meta.id == id)
            .map(|l| LicenceDto::from_record(l, today))
            .ok_or_else(|| not_found(Entity::Licence, &id))
    }

    pub fn void_licence(&self, id: &str, reason: &str) -> Result<()> {
        let reason = void_reason(reason)?;
        let device = self.device_id()?;
        self.store().write(|tx| {
            let version = tx.next_version(&device, now_ms())?;
            tx.void_licence(id, &version, &now_text(), &reason)?;
            Ok::<_, AppError>(())
        })
    }

    pub fn save_product(&self, enterprise_id: &str, id: Option<&str>, input: ProductInput) -> Result<ProductDto> {
        let valid = validate_product(&input)?.get().clone();
        let device = self.device_id()?;
        let mut store = self.store();
        let id = store.write(|tx| {
            tx.enterprise(enterprise_id)?.ok_or_else(|| not_found(Entity::Enterprise, enterprise_id))?;
            match id {
                Some(id) => {
                    let version = tx.next_version(&device, now_ms())?;
                    tx.update_product(enterprise_id, id, &version, &now_text(), &valid)?;
                    Ok::<_, AppError>(id.to_string())
                }
                None => {
                    let meta = new_meta(tx, &device)?;
                    tx.insert_product(&meta, enterprise_id, &valid)?;
                    Ok(meta.id)
                }
            }
        })?;
        store
            .products(enterprise_id)?
            .into_iter()
            .find(|p| p.meta.id == id)
            .map(Into::into)
            .ok_or_else(|| not_found(Entity::Product, &id))
    }

    pub fn void_product(&self, id: &str, reason: &str) -> Result<()> {
        let reason = void_reason(reason)?;
        let device = self.device_id()?;
        self.store().write(|tx| {
            let version = tx.next_version(&device, now_ms())?;
            tx.void_product(id, &version, &now_text(), &reason)?;
            Ok::<_, AppError>(())
        })
    }
}
