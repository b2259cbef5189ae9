//! The inspector's world as pure types and rules: enterprises (企业), licences (证照), products (产品),
//! identifier validation (USCC, registration certificates, production licences), the hybrid logical clock that
//! orders changes for sync, and the text grams that drive roster search. No IO and no SQL live here.

pub mod appendix;
pub mod campaign;
pub mod casework;
pub mod certificates;
pub mod charts;
pub mod checklist;
pub mod county;
pub mod dates;
pub mod document;
pub mod document_rules;
pub mod enterprise;
pub mod entity;
pub mod failed_chain;
pub mod field_error;
pub mod followup;
pub mod hlc;
pub mod inspection;
pub mod lab_items;
pub mod ledger;
pub mod legal_rules;
pub mod licence;
pub mod measure_rules;
pub mod passphrase;
pub mod product;
pub mod profile;
pub mod publicity;
pub mod record_rules;
pub mod rollup;
pub mod roster_import;
pub mod sample;
pub mod search;
pub mod spot_check;
pub mod standards;
pub mod text;
pub mod uscc;
pub mod workdays;

pub use enterprise::{
    validate_enterprise, EnterpriseInput, EnterpriseKind, EnterpriseQuery, ProductionStatus, Scale, ValidEnterprise,
};
pub use entity::Entity;
pub use field_error::{Field, FieldError, Rule, ValidationErrors};
pub use hlc::Hlc;
pub use licence::{
    licence_state, validate_licence, LicenceFilter, LicenceInput, LicenceKind, LicenceState, ValidLicence,
};
pub use product::{validate_product, ProductCategory, ProductInput, ValidProduct};
pub use profile::{validate_profile, ProfileInput, Role};
