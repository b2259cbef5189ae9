//! Reading and checking a roster file while the caller plans (and writes) it, as a pipeline of three threads: one
//! takes rows from `maskcheck_sheets::stream_roster` in chunks, one parses them and checks them by the domain's row
//! rules, and the caller takes each checked chunk. None holds the sheet whole, and each stage overlaps the others:
//! a dry run is as long as the reading, an import as long as its writes.

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

/// What the reader hands over.
pub(crate) enum Checked {
    /// The sheet is read again from the top (its rows were stored out of order): forget every row so far.
    Restart,
    /// The next data rows, in sheet order, checked.
    Rows(Vec<CheckedRow>),
}

/// Reads the table found in `path` (with `columns` instead of its own mapping when given), checks its data rows
/// and hands them to `take` as they come. Returns the table (without rows). An error from `take` stops the reading
/// and is returned.
pub(crate) fn read_checked(
    path: &Path,
    sheet: Option<&str>,
    columns: Option<&[ColumnMapping]>,
    today: NaiveDate,
    counties: &KnownCounties,
    mut take: impl FnMut(Checked) -> Result<()>,
) -> Result<SheetTable> {
    std::thread::scope(|s| {
        let (send_rows, rows) = sync_channel::<Streamed>(IN_FLIGHT);
        let (send_checked, checked) = sync_channel::<Checked>(IN_FLIGHT);
        let reader = s.spawn(move || stream_roster(path, sheet, |event| send_rows.send(event).is_ok()));
        let checker = s.spawn(move || {
            let mut parser: Option<RowParser> = None;
            for event in rows {
                let out = match event {
                    Streamed::Head(table) => {
                        let again = parser.is_some();
                        parser = Some(RowParser::new(columns.unwrap_or(&table.columns)));
                        if !again {
                            continue;
                        }
                        Checked::Restart
                    }
                    Streamed::Rows(rows) => {
                        let Some(parser) = &parser else { continue };
                        Checked::Rows(rows.iter().map(|r| check_row(parser.parse(r), today, counties)).collect())
                    }
                };
                if send_checked.send(out).is_err() {
                    // The caller stopped: dropping `rows` here stops the reader at its next send.
                    break;
                }
            }
        });
        // After an error from `take` the receiver is dropped, so the checker's next send fails and it stops.
        let taken = checked.into_iter().try_for_each(&mut take);
        let failed =
            |_| AppError::new(ErrorCode::UnreadableFile, format!("{}：读取时出错，未导入任何数据", path.display()));
        let table = reader.join().map_err(failed)?;
        checker.join().map_err(failed)?;
        taken?;
        let mut table = table?;
        if let Some(columns) = columns {
            table.columns = columns.to_vec();
        }
        Ok(table)
    })
}
