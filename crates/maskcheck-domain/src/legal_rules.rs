//! Which provisions a finding cites, by what was found and whom the duty binds (sources: `docs/legal.md`).
//! One table for the window, the CLI, the documents and a bundle import. Three provisions per finding — the duty
//! broken, the power to order its correction, the penalty — and none at all for a management gap.

use crate::checklist::{DutyHolder, FindingLaw};
use crate::licence::LicenceKind;

/// Every catalogue key the code below and the documents cite (checked against every catalogue in use).
pub const KEYS_IN_USE: &[&str] = &[
    "mer-3", "mer-9", "mer-29", "mer-43", "mer-47", "mdr-13", "mdr-55", "mdr-81", "mdr-84", "mdr-32", "mpr-14",
    "mpr-79", "mdr-35", "mpr-31", "mpr-76", "mdr-86", "mdr-45", "mdr-89", "pql-33", "pql-27", "pql-36", "pql-54",
    "mdr-39", "mdr-88", "apl-28", "pql-18", "mdr-70", "aca-18", "aca-24", "aca-25", "arl-20", "alp-46",
];

/// What is wrong with a licence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LicenceProblem {
    Expired,
    NotSighted,
    ScopeMismatch,
    HolderMismatch,
}

/// A licence finding. Not producing a licence on site is no offence by itself (ask for a copy); a business
/// licence whose scope omits masks is a general item the law does not penalise (advise a change of
/// registration); both are management gaps.
pub fn licence_law(kind: LicenceKind, problem: LicenceProblem, holder: DutyHolder) -> FindingLaw {
    use LicenceKind as K;
    use LicenceProblem as P;
    match (kind, problem) {
        (_, P::NotSighted) => FindingLaw::gap(),
        (K::BusinessLicence | K::Other, P::Expired) => {
            FindingLaw::new(&["mer-9", "mer-29"], Some("mer-47"), &["mer-47"])
        }
        (K::BusinessLicence | K::Other, P::ScopeMismatch) => FindingLaw::gap(),
        (K::BusinessLicence | K::Other, P::HolderMismatch) => FindingLaw::new(&["mer-3"], Some("mer-43"), &["mer-43"]),
        (K::DeviceRegistration, _) if holder == DutyHolder::DeviceOperator => {
            FindingLaw::new(&["mdr-55"], Some("apl-28"), &["mdr-81"])
        }
        (K::DeviceRegistration, _) => FindingLaw::new(&["mdr-13"], Some("apl-28"), &["mdr-81"]),
        (K::DeviceFiling, _) => FindingLaw::new(&["mdr-13"], Some("apl-28"), &["mdr-84"]),
        (K::DeviceProductionLicence, P::HolderMismatch) => FindingLaw::new(&["mpr-14"], Some("mpr-79"), &["mpr-79"]),
        (K::DeviceProductionLicence, _) => FindingLaw::new(&["mdr-32"], Some("apl-28"), &["mdr-81"]),
    }
}

/// Raw-material or goods intake without certificate, report or a true record. A non-medical maker has no legal
/// duty here (产品质量法第三十三条 binds sellers); the campaign asks for it (task 11.2): a management gap. A seller
/// breaks 第三十三条, which sets no order power: the correction is requested.
pub fn intake_law(holder: DutyHolder) -> FindingLaw {
    match holder {
        DutyHolder::Maker => FindingLaw::gap(),
        DutyHolder::Seller => FindingLaw::new(&["pql-33"], None, &[]),
        DutyHolder::DeviceMaker => FindingLaw::new(&["mdr-35", "mpr-31"], Some("mpr-76"), &["mdr-86"]),
        DutyHolder::DeviceOperator => FindingLaw::new(&["mdr-45"], Some("mdr-89"), &["mdr-89"]),
    }
}

/// A label that lacks an element, is not true (a grade the standard does not define) or marks a "三无"
/// product. Medical masks: the device regulation's label article; other masks: 产品质量法 (a seller through
/// 第三十六条). A fine under 第五十四条 needs more than the checklist shows (packaged, date or warning missing,
/// serious), and 以次充好 needs a test report: the order is what the facts support.
pub fn label_law(medical_product: bool, holder: DutyHolder) -> FindingLaw {
    if medical_product {
        FindingLaw::new(&["mdr-39"], Some("mdr-88"), &["mdr-88"])
    } else if matches!(holder, DutyHolder::Seller | DutyHolder::DeviceOperator) {
        FindingLaw::new(&["pql-36", "pql-27"], Some("pql-54"), &["pql-54"])
    } else {
        FindingLaw::new(&["pql-27"], Some("pql-54"), &["pql-54"])
    }
}

/// A medical mask whose label shows a registration number that is not the holder's: the product is sold as
/// registered when it is not (a bad format alone is a label defect: `label_law`).
pub fn unregistered_law(holder: DutyHolder) -> FindingLaw {
    let duty = if holder == DutyHolder::DeviceOperator { "mdr-55" } else { "mdr-13" };
    FindingLaw::new(&[duty], Some("apl-28"), &["mdr-81"])
}

/// The power to seal or seize fits the facts: products with evidence of not meeting a safety standard
/// (产品质量法第十八条第（四）项) or medical devices not meeting legal requirements (739号第七十条). The 行政强制法
/// articles govern form and duration, never the power.
pub fn seizure_power(medical: bool) -> &'static str {
    if medical {
        "mdr-70"
    } else {
        "pql-18"
    }
}

/// Procedure of a coercive measure: the decision and list (第二十四条), the 30-day limit (第二十五条).
pub const SEIZURE_PROCEDURE: &[&str] = &["aca-24", "aca-25"];

#[cfg(test)]
mod tests {
    use super::*;
    use DutyHolder::*;

    fn law(duty: &[&str], order: Option<&str>, penalty: &[&str]) -> FindingLaw {
        FindingLaw::new(duty, order, penalty)
    }

    #[test]
    fn every_finding_rule_names_duty_order_and_penalty_for_its_holder() {
        let gap = FindingLaw::gap();
        let table: Vec<(&str, FindingLaw, FindingLaw)> = vec![
            ("intake, non-medical maker", intake_law(Maker), gap.clone()),
            ("intake, seller", intake_law(Seller), law(&["pql-33"], None, &[])),
            ("intake, medical maker", intake_law(DeviceMaker), law(&["mdr-35", "mpr-31"], Some("mpr-76"), &["mdr-86"])),
            ("intake, device operator", intake_law(DeviceOperator), law(&["mdr-45"], Some("mdr-89"), &["mdr-89"])),
            ("label, non-medical maker", label_law(false, Maker), law(&["pql-27"], Some("pql-54"), &["pql-54"])),
            ("label, seller", label_law(false, Seller), law(&["pql-36", "pql-27"], Some("pql-54"), &["pql-54"])),
            ("label, medical product", label_law(true, DeviceMaker), law(&["mdr-39"], Some("mdr-88"), &["mdr-88"])),
            (
                "label, medical product sold",
                label_law(true, DeviceOperator),
                law(&["mdr-39"], Some("mdr-88"), &["mdr-88"]),
            ),
            ("unregistered, maker", unregistered_law(DeviceMaker), law(&["mdr-13"], Some("apl-28"), &["mdr-81"])),
            ("unregistered, operator", unregistered_law(DeviceOperator), law(&["mdr-55"], Some("apl-28"), &["mdr-81"])),
            (
                "business licence expired",
                licence_law(LicenceKind::BusinessLicence, LicenceProblem::Expired, Maker),
                law(&["mer-9", "mer-29"], Some("mer-47"), &["mer-47"]),
            ),
            (
                "licence not shown",
                licence_law(LicenceKind::DeviceRegistration, LicenceProblem::NotSighted, DeviceMaker),
                gap.clone(),
            ),
            (
                "scope of a business licence",
                licence_law(LicenceKind::BusinessLicence, LicenceProblem::ScopeMismatch, Maker),
                gap,
            ),
            (
                "registration expired",
                licence_law(LicenceKind::DeviceRegistration, LicenceProblem::Expired, DeviceMaker),
                law(&["mdr-13"], Some("apl-28"), &["mdr-81"]),
            ),
            (
                "production licence of another name",
                licence_law(LicenceKind::DeviceProductionLicence, LicenceProblem::HolderMismatch, DeviceMaker),
                law(&["mpr-14"], Some("mpr-79"), &["mpr-79"]),
            ),
        ];
        for (what, got, want) in table {
            assert_eq!(got, want, "{what}");
            // The duty broken and the penalty are never cited as each other.
            assert!(got.duty.iter().all(|d| !got.penalty.contains(d)), "{what}: a penalty article cited as the duty");
        }
    }

    #[test]
    fn seizure_cites_the_power_that_fits_and_never_the_procedure_as_power() {
        assert_eq!(seizure_power(false), "pql-18");
        assert_eq!(seizure_power(true), "mdr-70");
        assert!(!SEIZURE_PROCEDURE.contains(&seizure_power(false)));
    }

    #[test]
    fn keys_in_use_cover_every_rule() {
        let holders = [Maker, Seller, DeviceMaker, DeviceOperator];
        let kinds = [
            LicenceKind::BusinessLicence,
            LicenceKind::DeviceRegistration,
            LicenceKind::DeviceFiling,
            LicenceKind::DeviceProductionLicence,
            LicenceKind::Other,
        ];
        let problems = [
            LicenceProblem::Expired,
            LicenceProblem::NotSighted,
            LicenceProblem::ScopeMismatch,
            LicenceProblem::HolderMismatch,
        ];
        let mut laws = Vec::new();
        for h in holders {
            laws.push(intake_law(h));
            laws.push(label_law(true, h));
            laws.push(label_law(false, h));
            laws.push(unregistered_law(h));
            for k in kinds {
                for p in problems {
                    laws.push(licence_law(k, p, h));
                }
            }
        }
        for l in &laws {
            for k in l.keys() {
                assert!(KEYS_IN_USE.contains(&k), "{k} is cited but not listed in KEYS_IN_USE");
            }
        }
    }
}
