//! Number blocks the bureau assigns to a device (and document kind): they travel in the bureau's next bundle to
//! it, and its documents print regular numbers (`卫市监责改〔2026〕12号`) instead of the device-tagged fallback.

use maskcheck_domain::document::{blocks_overlap, DocKind, NumberBlock};
use maskcheck_domain::{Field, FieldError, Role, Rule};
use serde::Serialize;
use ts_rs::TS;

use crate::roster::new_meta;
use crate::{App, AppError, ErrorCode, Result};

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssignedBlockDto {
    /// None: the device's own block (added on the device itself).
    pub device: Option<String>,
    /// None: for every kind of document.
    pub kind: Option<DocKind>,
    pub year: i32,
    pub first: u32,
    pub last: u32,
}

impl App {
    /// Assigns serials `first..=last` of `kind` in `year` to an enrolled device (bureau only). A block overlapping
    /// another of the same kind and year, whoever holds it, is refused: two documents must never share a number.
    pub fn assign_numbers(&self, device: &str, kind: DocKind, block: NumberBlock) -> Result<AssignedBlockDto> {
        if self.profile()?.role != Role::Bureau {
            return Err(AppError::new(ErrorCode::BundleRefused, "只有局端可以分配文书编号段"));
        }
        let peer = self.store().peer(device)?.filter(|p| p.trust == "enrolled").ok_or_else(|| {
            AppError::new(ErrorCode::BundleRefused, format!("设备 {device} 未在本局登记，不能分配编号段"))
        })?;
        if block.first == 0 || block.last < block.first || !(2000..=2100).contains(&block.year) {
            return Err(AppError::field(FieldError::new(
                Field::NumberBlock,
                Rule::DateOrder,
                format!("{}–{}", block.first, block.last),
            )));
        }
        let me = self.device_id()?;
        self.store().write(|tx| {
            let same: Vec<NumberBlock> = tx
                .assigned_blocks()?
                .into_iter()
                .filter(|b| b.kind.is_none_or(|k| k == kind))
                .map(|b| b.block)
                .chain(std::iter::once(block))
                .collect();
            if blocks_overlap(&same) {
                return Err(AppError::field(FieldError::new(
                    Field::NumberBlock,
                    Rule::Overlap,
                    format!("{}年 {}–{}", block.year, block.first, block.last),
                )));
            }
            let meta = new_meta(tx, &me)?;
            tx.assign_number_block(&meta, &block, &peer.device_id, Some(kind))?;
            Ok::<_, AppError>(())
        })?;
        Ok(AssignedBlockDto {
            device: Some(peer.device_id),
            kind: Some(kind),
            year: block.year,
            first: block.first,
            last: block.last,
        })
    }

    /// Every block this database holds, with the device and kind it is for.
    pub fn assigned_numbers(&self) -> Result<Vec<AssignedBlockDto>> {
        Ok(self
            .store()
            .assigned_blocks()?
            .into_iter()
            .map(|b| AssignedBlockDto {
                device: b.device,
                kind: b.kind,
                year: b.block.year,
                first: b.block.first,
                last: b.block.last,
            })
            .collect())
    }
}
