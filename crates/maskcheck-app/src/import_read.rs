//! Reading and checking a roster file on two threads: one reads the sheet and hands over rows in chunks
//! (`maskcheck_sheets::stream_roster`), the other parses and checks them as they come. Neither holds the sheet whole,
//! and checking (the domain's rules for every row) overlaps the reading instead of following it.

use std::path::Path;
use std::sync::mpsc::sync_channel;

use chrono::NaiveDate;
use maskcheck_domain::county::KnownCounties;
use maskcheck_domain::roster_import::{check_row, CheckedRow};
use maskcheck_sheets::parse::RowParser;
use maskcheck_sheets::{stream_roster, ColumnMapping, SheetTable, Streamed};

use crate::{AppError, ErrorCode, Result};

/// Chunks of rows in flight between the threads: enough to keep both busy, few enough to bound memory.
const IN_FLIGHT: usize = 4;

/// The table found in `path` (with `columns` instead of its own mapping when given) and every data row checked.
pub(crate) fn read_checked(
    path: &Path,
    sheet: Option<&str>,
    columns: Option<&[ColumnMapping]>,
    today: NaiveDate,
    counties: &KnownCounties,
) -> Result<(SheetTable, Vec<CheckedRow>)> {
    std::thread::scope(|s| {
        let (send, receive) = sync_channel::<Streamed>(IN_FLIGHT);
        let reader = s.spawn(move || stream_roster(path, sheet, |e| send.send(e).is_ok()));
        let mut parser: Option<RowParser> = None;
        let mut checked = Vec::new();
        for event in receive {
            match event {
                Streamed::Head(table) => {
                    // A second head starts the sheet over (see `Streamed::Head`).
                    checked.clear();
                    parser = Some(RowParser::new(columns.unwrap_or(&table.columns)));
                }
                Streamed::Rows(rows) => {
                    let Some(parser) = &parser else { continue };
                    checked.extend(rows.iter().map(|r| check_row(parser.parse(r), today, counties)));
                }
            }
        }
        let mut table = reader.join().map_err(|_| {
            AppError::new(ErrorCode::UnreadableFile, format!("{}：读取时出错，未导入任何数据", path.display()))
        })??;
        if let Some(columns) = columns {
            table.columns = columns.to_vec();
        }
        Ok((table, checked))
    })
}
