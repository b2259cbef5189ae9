//! Spreadsheets in and out. Reading finds the roster table in a hand-made workbook (title rows, merged two-row
//! headers, notes under the table) and parses each row into an enterprise input with cell-level errors; writing
//! produces the plain roster export and appendix 3 of the campaign notice.

pub mod appendix_book;
pub mod cell;
pub mod columns;
mod error;
pub mod export;
mod grid;
mod guard;
pub mod ledger;
pub mod limits;
pub mod parse;
pub mod read;
pub mod report_read;

pub use columns::{match_header, RosterColumn};
pub use error::SheetError;
pub use read::{read_roster, stream_roster, ColumnMapping, SheetRow, SheetTable, Streamed};
