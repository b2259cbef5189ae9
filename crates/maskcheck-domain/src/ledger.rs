//! A failing batch's buyers from the enterprise's sales ledger (销售台账) spreadsheet: each line of the batch
//! becomes a buyer of the trail, or an error that names its row, column and rule. A pure plan: the window shows
//! it and the inspector adds the buyers to the chain, which is saved as typed ones are.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::failed_chain::{BuyerOutcome, TrailBuyer};
use crate::field_error::{Field, FieldError, Rule};

/// One ledger line as read: texts trimmed, the quantity and date already parsed or refused by the reader.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerLine {
    /// The row number as Excel shows it.
    pub row: u32,
    pub buyer: String,
    pub place: String,
    /// The quantity in masks (只); `Err` carries what the cell held.
    pub quantity: Result<Option<u64>, String>,
    pub sold_on: Result<Option<NaiveDate>, (Rule, String)>,
    /// The batch the line is of, when the ledger has the column.
    pub batch: String,
}

/// A line that cannot become a buyer: its row, the column as the ledger names it, the rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LedgerError {
    pub row: u32,
    pub error: FieldError,
}

/// What a ledger gives: the buyers of the batch, the lines in error, the lines of other batches left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrailPlan {
    pub buyers: Vec<TrailBuyer>,
    pub errors: Vec<LedgerError>,
    pub other_batches: u32,
}

/// The buyers of `batch` from the ledger's lines (a line with no batch is taken: a ledger kept per batch has no
/// column for it). Each buyer starts `Pending`: what became of its goods is the inspector's to record.
pub fn plan_trail(lines: &[LedgerLine], batch: &str, today: NaiveDate) -> TrailPlan {
    let mut plan = TrailPlan { buyers: Vec::new(), errors: Vec::new(), other_batches: 0 };
    let batch = batch.trim();
    for l in lines {
        let of_batch = l.batch.trim();
        if !of_batch.is_empty() && !batch.is_empty() && !of_batch.contains(batch) && !batch.contains(of_batch) {
            plan.other_batches += 1;
            continue;
        }
        let mut errors = Vec::new();
        let buyer = crate::text::normalise_text(&l.buyer);
        if buyer.is_empty() {
            errors.push(FieldError::new(Field::Buyer, Rule::Required, ""));
        }
        let quantity = match &l.quantity {
            Ok(Some(q)) if *q > 0 => *q,
            Ok(_) => {
                errors.push(FieldError::new(Field::SoldQuantity, Rule::Required, ""));
                0
            }
            Err(cell) => {
                errors.push(FieldError::new(Field::SoldQuantity, Rule::NumberFormat, cell.clone()));
                0
            }
        };
        let sold_on = match &l.sold_on {
            Ok(Some(d)) if *d <= today => Some(*d),
            Ok(Some(_)) => {
                errors.push(FieldError::new(Field::SoldOn, Rule::DateInFuture, ""));
                None
            }
            Ok(None) => {
                errors.push(FieldError::new(Field::SoldOn, Rule::Required, ""));
                None
            }
            Err((rule, cell)) => {
                errors.push(FieldError::new(Field::SoldOn, *rule, cell.clone()));
                None
            }
        };
        match sold_on {
            Some(sold_on) if errors.is_empty() => plan.buyers.push(TrailBuyer {
                buyer,
                place: crate::text::normalise_text(&l.place),
                quantity,
                sold_on,
                outcome: BuyerOutcome::Pending,
                note: format!("销售台账第{}行", l.row),
            }),
            _ => plan.errors.extend(errors.into_iter().map(|error| LedgerError { row: l.row, error })),
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn line(row: u32, buyer: &str, quantity: Result<Option<u64>, String>, on: &str, batch: &str) -> LedgerLine {
        LedgerLine {
            row,
            buyer: buyer.into(),
            place: "红旗区".into(),
            quantity,
            sold_on: Ok(Some(d(on))),
            batch: batch.into(),
        }
    }

    #[test]
    fn each_line_of_the_batch_is_a_buyer_or_an_error_naming_its_row() {
        let today = d("2026-11-24");
        let lines = vec![
            line(3, "惠民大药房", Ok(Some(3000)), "2026-11-10", "20261101"),
            line(4, "康泰医疗器械经营部", Ok(Some(5000)), "2026-11-12", ""),
            line(5, "别的批次客户", Ok(Some(100)), "2026-11-12", "20261002"),
            line(6, " ", Ok(Some(10)), "2026-11-12", "20261101"),
            line(7, "某超市", Err("三千".into()), "2026-11-12", "20261101"),
            line(8, "某诊所", Ok(Some(20)), "2026-11-30", "20261101"),
            LedgerLine {
                sold_on: Err((Rule::DateFormat, "十一月".into())),
                ..line(9, "某站", Ok(Some(1)), "2026-11-01", "")
            },
        ];
        let plan = plan_trail(&lines, "20261101", today);
        let buyers: Vec<(&str, u64)> = plan.buyers.iter().map(|b| (b.buyer.as_str(), b.quantity)).collect();
        assert_eq!(buyers, vec![("惠民大药房", 3000), ("康泰医疗器械经营部", 5000)]);
        assert!(plan.buyers.iter().all(|b| b.outcome == BuyerOutcome::Pending));
        assert_eq!(plan.other_batches, 1);
        let errors: Vec<(u32, Field, Rule)> =
            plan.errors.iter().map(|e| (e.row, e.error.field, e.error.rule)).collect();
        assert_eq!(
            errors,
            vec![
                (6, Field::Buyer, Rule::Required),
                (7, Field::SoldQuantity, Rule::NumberFormat),
                (8, Field::SoldOn, Rule::DateInFuture),
                (9, Field::SoldOn, Rule::DateFormat),
            ]
        );
    }
}
