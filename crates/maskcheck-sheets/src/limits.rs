//! Limits a real roster never reaches, checked while reading, so a hostile or broken file costs a clear
//! message instead of the laptop's memory. The readers trust nothing a file says about itself (its declared
//! sheet size, its declared uncompressed sizes): they count what they actually read.

use std::io::Read;
use std::path::Path;

use crate::SheetError;

/// Rows with content in one sheet (a province's roster is a few tens of thousands).
pub const MAX_ROWS: u32 = 1_000_000;
/// Uncompressed bytes of one XML part of a workbook (a sheet, the shared strings): a 100,000-row roster
/// written by this app is about 40 MB.
pub const MAX_PART_BYTES: u64 = 64 << 20;
/// The whole file on disk.
pub const MAX_FILE_BYTES: u64 = 256 << 20;
/// Parts in one zip package (a workbook has a few dozen).
pub const MAX_PARTS: usize = 10_000;
/// Cells in the area an .xls/.ods sheet spans (its reader allocates the whole rectangle): 65,536 rows × 60.
pub const MAX_AREA_CELLS: u64 = 4_000_000;

fn too_large(path: &Path, what: String, limit: String) -> SheetError {
    SheetError::TooLarge { path: path.into(), what, limit }
}

pub fn mib(bytes: u64) -> String {
    format!("{} MB", bytes >> 20)
}

/// The file's size on disk.
pub fn check_file_size(path: &Path) -> Result<(), SheetError> {
    let len =
        std::fs::metadata(path).map_err(|e| SheetError::Unreadable { path: path.into(), reason: e.to_string() })?.len();
    if len > MAX_FILE_BYTES {
        return Err(too_large(path, format!("文件大小 {}", mib(len)), mib(MAX_FILE_BYTES)));
    }
    Ok(())
}

/// Decompresses every XML part of a zip package (.xlsx, .xlsm, .ods) into a counter, stopping one byte past
/// the limit: a zip bomb is refused after reading at most `MAX_PART_BYTES` of it, whatever its headers claim.
pub fn check_zip_parts(path: &Path) -> Result<(), SheetError> {
    let unreadable = |reason: String| SheetError::Unreadable {
        path: path.into(),
        reason: format!("文件已损坏或格式不受支持（{reason}）"),
    };
    let file = std::fs::File::open(path).map_err(|e| unreadable(e.to_string()))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| unreadable(e.to_string()))?;
    if zip.len() > MAX_PARTS {
        return Err(too_large(path, format!("压缩包内含 {} 个部件", zip.len()), format!("{MAX_PARTS} 个")));
    }
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| unreadable(e.to_string()))?;
        let name = part.name().to_string();
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let read = std::io::copy(&mut (&mut part).take(MAX_PART_BYTES + 1), &mut std::io::sink())
            .map_err(|e| unreadable(format!("{name}：{e}")))?;
        if read > MAX_PART_BYTES {
            return Err(too_large(path, format!("部件 {name} 解压后的大小"), mib(MAX_PART_BYTES)));
        }
    }
    Ok(())
}

/// The rectangle each sheet of an .xls spans, from its cell records, before calamine allocates it: a file with
/// one cell at IV65536 is refused here instead of allocating 16 million cells.
pub fn check_xls_area(path: &Path) -> Result<(), SheetError> {
    let unreadable = |reason: String| SheetError::Unreadable {
        path: path.into(),
        reason: format!("文件已损坏或格式不受支持（{reason}）"),
    };
    let mut comp = cfb::open(path).map_err(|e| unreadable(e.to_string()))?;
    let stream = ["/Workbook", "/Book"]
        .into_iter()
        .find(|s| comp.is_stream(s))
        .ok_or_else(|| unreadable("没有 Workbook 数据流".into()))?;
    let mut data = Vec::new();
    comp.open_stream(stream)
        .and_then(|s| s.take(MAX_FILE_BYTES).read_to_end(&mut data))
        .map_err(|e| unreadable(e.to_string()))?;
    let area = max_biff_area(&data);
    if area > MAX_AREA_CELLS {
        return Err(too_large(path, format!("工作表的已用区域 {area} 个单元格"), format!("{MAX_AREA_CELLS} 个")));
    }
    Ok(())
}

/// The cells an .ods sheet expands to: calamine repeats a cell `number-columns-repeated` times in each of a
/// row's `number-rows-repeated` copies, so a 2 KB file can ask for billions. Counted from the tags of
/// `content.xml` (bounded by `check_zip_parts` first) before calamine parses it; empty cells are not expanded.
pub fn check_ods_area(path: &Path) -> Result<(), SheetError> {
    let unreadable = |reason: String| SheetError::Unreadable {
        path: path.into(),
        reason: format!("文件已损坏或格式不受支持（{reason}）"),
    };
    let file = std::fs::File::open(path).map_err(|e| unreadable(e.to_string()))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| unreadable(e.to_string()))?;
    let mut xml = Vec::new();
    zip.by_name("content.xml")
        .map_err(|e| unreadable(e.to_string()))?
        .take(MAX_PART_BYTES)
        .read_to_end(&mut xml)
        .map_err(|e| unreadable(e.to_string()))?;
    let area = ods_expanded_cells(&String::from_utf8_lossy(&xml));
    if area > MAX_AREA_CELLS {
        return Err(too_large(path, format!("工作表展开后 {area} 个单元格"), format!("{MAX_AREA_CELLS} 个")));
    }
    Ok(())
}

fn repeat_of(tag: &str, attr: &str) -> u64 {
    tag.find(attr)
        .and_then(|i| tag[i + attr.len()..].split('"').nth(1))
        .and_then(|n| n.parse::<u64>().ok())
        .unwrap_or(1)
}

/// Non-empty cells after expanding repeats, summed over every table of the document.
fn ods_expanded_cells(xml: &str) -> u64 {
    let mut total = 0u64;
    let mut row_repeat = 1u64;
    for tag in xml.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or_default();
        if tag.starts_with("table:table-row") {
            row_repeat = repeat_of(tag, "table:number-rows-repeated=");
        } else if tag.starts_with("table:table-cell") || tag.starts_with("table:covered-table-cell") {
            // A cell with a value has a value type; an empty one (the usual huge repeat) has none.
            if tag.contains("office:value-type") {
                let cols = repeat_of(tag, "table:number-columns-repeated=");
                total = total.saturating_add(row_repeat.saturating_mul(cols));
            }
        }
    }
    total
}

/// The largest bounding-box area of the cell records of any sheet substream of a BIFF8 workbook stream.
fn max_biff_area(data: &[u8]) -> u64 {
    let u16_at = |b: &[u8], i: usize| b.get(i..i + 2).map(|s| u16::from_le_bytes([s[0], s[1]]));
    let mut best = 0u64;
    let mut bounds: Option<(u16, u16, u16, u16)> = None;
    let mut pos = 0usize;
    let mut close = |bounds: &mut Option<(u16, u16, u16, u16)>| {
        if let Some((r0, r1, c0, c1)) = bounds.take() {
            best = best.max((u64::from(r1 - r0) + 1) * (u64::from(c1 - c0) + 1));
        }
    };
    while let (Some(kind), Some(len)) = (u16_at(data, pos), u16_at(data, pos + 2)) {
        let body = data.get(pos + 4..pos + 4 + usize::from(len)).unwrap_or_default();
        pos += 4 + usize::from(len);
        // Cell records: NUMBER, RK, LABELSST, LABEL, FORMULA, BOOLERR, RSTRING, MULRK (row, first col … last col).
        let cells = match kind {
            0x0203 | 0x027E | 0x00FD | 0x0204 | 0x0006 | 0x0205 | 0x00D6 => {
                u16_at(body, 0).zip(u16_at(body, 2)).map(|(r, c)| (r, c, c))
            }
            0x00BD => u16_at(body, 0)
                .zip(u16_at(body, 2))
                .zip(body.len().checked_sub(2).and_then(|i| u16_at(body, i)))
                .map(|((r, c0), c1)| (r, c0.min(c1), c0.max(c1))),
            0x000A => {
                close(&mut bounds); // EOF of a substream
                None
            }
            _ => None,
        };
        if let Some((r, c0, c1)) = cells {
            bounds = Some(match bounds {
                None => (r, r, c0, c1),
                Some((a, b, c, d)) => (a.min(r), b.max(r), c.min(c0), d.max(c1)),
            });
        }
    }
    close(&mut bounds);
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: u16, body: &[u8]) -> Vec<u8> {
        let mut v = kind.to_le_bytes().to_vec();
        v.extend((body.len() as u16).to_le_bytes());
        v.extend(body);
        v
    }

    #[test]
    fn ods_expansion_counts_only_cells_with_values() {
        let normal = r#"<table:table-row><table:table-cell office:value-type="string"><text:p>a</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1020"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#;
        assert_eq!(ods_expanded_cells(normal), 1);
        let bomb = r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row>"#;
        assert_eq!(ods_expanded_cells(bomb), 16_384_000_000);
    }

    #[test]
    fn biff_area_is_the_bounding_box_per_sheet() {
        let number = |r: u16, c: u16| record(0x0203, &[r.to_le_bytes(), c.to_le_bytes(), [0, 0]].concat());
        let mut s = [number(0, 0), number(2, 3), record(0x000A, &[])].concat();
        assert_eq!(max_biff_area(&s), 3 * 4);
        s.extend([number(0, 0), number(65535, 255), record(0x000A, &[])].concat());
        assert_eq!(max_biff_area(&s), 65536 * 256);
        assert_eq!(max_biff_area(&[1, 2, 3]), 0, "a truncated stream is not an error here");
    }
}
