//! maskcheck's embedded SQLite store. Every SQL statement of the project lives in this crate; callers see typed
//! records and typed errors. Writes go through [`Store::write`], one `BEGIN IMMEDIATE` transaction each.

mod attachment;
mod campaign;
mod casework;
mod codec;
mod document;
mod enterprise;
mod enterprise_batch;
mod error;
mod followup;
mod inspection;
mod integrity;
mod key;
mod licence;
mod meta;
mod migrate;
mod product;
mod profile;
mod record;
mod record_decode;
mod search_index;
mod stats;
mod sync;

use std::path::Path;

use rusqlite::Connection;

pub use attachment::{AttachmentLink, AttachmentRecord};
pub use campaign::{SpotCheckRow, SpotDrawRecord, TaskStatusRecord};
pub use casework::JsonRecord;
pub use document::{AssignedBlock, DocumentFilter, DocumentRecord, DocumentRow, ServiceRecord};
pub use enterprise::{EnterpriseListRow, EnterprisePage, UsccHolder};
pub use enterprise_batch::EnterpriseBatch;
pub use error::{Frozen, StoreError};
pub use followup::{FollowupRow, RectificationRecord, ReinspectionRecord};
pub use inspection::{InspectionRecord, InspectionRow};
pub use integrity::{quick_check, summarize, FileSummary};
pub use key::{backup_file, check_key, encrypt_file, is_plain_database, verify_copy, DbKey};
pub use licence::LicenceRecord;
pub use migrate::{migrate_to, schema_dump, LATEST_SCHEMA};
pub use product::ProductRecord;
pub use profile::Profile;
pub use record::{EnterpriseRecord, RecordMeta, Void};
pub use record_decode::decode_record;
pub use stats::{UnitReportRecord, VisitRow};
pub use sync::{BundleLogRow, ConflictRow, PeerRecord, QuarantineRow, SyncRead, LEGAL_CATALOGUE, SYNCED_TABLES};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

pub struct Store {
    conn: Connection,
    /// Set when the file failed its integrity check: the store was opened read-only and refuses every write.
    damaged: Option<Vec<String>>,
    /// The key it was opened with (an encrypted database): its backups and copies are encrypted with it too.
    key: Option<DbKey>,
}

/// A write transaction; its methods are the only way to change data.
pub struct Tx<'a> {
    tx: rusqlite::Transaction<'a>,
    /// Enterprises a bundle import wrote, re-indexed for search just before the commit: indexing each inside its
    /// row's savepoint made FTS5 flush its pending terms once per row.
    search_later: Vec<String>,
    /// What a bundle import asks again for every row: each table's columns, and the insert statement for a set of
    /// columns (see `sync.rs`).
    sync_cache: std::cell::RefCell<sync::SyncCache>,
}

impl Store {
    /// Opens (creating if needed) the database at `path`. An older schema is backed up into `backup_dir`
    /// and migrated; a newer schema is refused before anything touches the file.
    /// With a key the file is an encrypted (SQLCipher) database, created encrypted when new.
    pub fn open(path: &Path, backup_dir: &Path, key: Option<&DbKey>) -> Result<Store> {
        let conn = Connection::open(path)?;
        key::unlock(&conn, key)?;
        migrate::refuse_newer(&conn)?;
        configure(&conn)?;
        let mut store = Store { conn, damaged: None, key: key.cloned() };
        migrate::migrate(&mut store.conn, Some(backup_dir), key)?;
        Ok(store)
    }

    /// Opens an existing database for reading only: nothing is created, migrated or written, so a read works on
    /// a read-only data directory (a USB stick, a colleague's copy). Where SQLite cannot create its shared-memory
    /// file beside the database (the directory is read-only), the file is opened as immutable.
    pub fn open_read_only(path: &Path, key: Option<&DbKey>) -> Result<Store> {
        use rusqlite::OpenFlags;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let uri = |extra: &str| {
            let p = path.display().to_string().replace('%', "%25").replace('?', "%3f").replace('#', "%23");
            format!("file:{p}?mode=ro{extra}")
        };
        let probe = |conn: Connection| -> Result<Store> {
            key::unlock(&conn, key)?;
            migrate::require_latest(&conn)?;
            conn.pragma_update(None, "foreign_keys", "ON")?;
            // The writable opening's page cache (`configure`): an encrypted file's page is decrypted again at every
            // cache miss, and with SQLite's default 2 MB the dashboard's counts over 100,000 enterprises decrypted
            // the same index pages again and again (1 s against 0.1 s once the cache is warm).
            conn.pragma_update(None, "cache_size", -65_536)?;
            conn.busy_timeout(std::time::Duration::from_secs(5))?;
            Ok(Store { conn, damaged: None, key: key.cloned() })
        };
        match Connection::open_with_flags(uri(""), flags).map_err(StoreError::from).and_then(probe) {
            Ok(store) => Ok(store),
            Err(StoreError::Sqlite(_)) => probe(Connection::open_with_flags(uri("&immutable=1"), flags)?),
            Err(e) => Err(e),
        }
    }

    /// A private in-memory database (tests, benchmarks).
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        configure(&conn)?;
        let mut store = Store { conn, damaged: None, key: None };
        migrate::migrate(&mut store.conn, None, None)?;
        Ok(store)
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction: all of it is written, or none of it.
    pub fn write<T, E>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        if let Some(problems) = &self.damaged {
            return Err(StoreError::Damaged(problems.join("；")).into());
        }
        let tx =
            self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(StoreError::from)?;
        let mut tx = Tx { tx, search_later: Vec::new(), sync_cache: Default::default() };
        let out = f(&mut tx)?;
        for id in std::mem::take(&mut tx.search_later) {
            search_index::reindex(&tx.tx, &id)?;
        }
        tx.tx.commit().map_err(StoreError::from)?;
        Ok(out)
    }

    /// [`Store::write`] with `synchronous=FULL`: for writes that issue documents, which must survive a power cut
    /// the moment the inspector hands the paper over.
    pub fn write_durable<T, E>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        self.conn.pragma_update(None, "synchronous", "FULL").map_err(StoreError::from)?;
        let out = self.write(f);
        self.conn.pragma_update(None, "synchronous", "NORMAL").map_err(StoreError::from)?;
        out
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

impl Tx<'_> {
    pub(crate) fn conn(&self) -> &Connection {
        &self.tx
    }
}

fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // 64 MiB of page cache for bulk imports, which touch many index pages (USCC order is random).
    conn.pragma_update(None, "cache_size", -65_536)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // A bundle import runs a few statements per table of fourteen for every row; rusqlite's default of 16 cached
    // statements made it parse them again and again.
    conn.set_prepared_statement_cache_capacity(128);
    search_index::register_functions(conn)?;
    Ok(())
}
