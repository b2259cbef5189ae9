//! Sync bundles: the file that carries work between laptops and the bureau on a USB stick or in an email.
//!
//! A bundle is an `age` file (X25519) addressed to one device, so a lost stick leaks nothing and a truncated or
//! altered file fails to decrypt. Inside, in this order:
//!
//! ```text
//! "MCB1"                         magic
//! u32 LE, header JSON            BundleHeader: ids, sender and sequence, recipient, change range, payload SHA-256
//! 64 bytes                       Ed25519 signature of magic ‖ header, by the sender's device key
//! frames                         u8 kind, u64 LE length, bytes: one meta frame (JSON: acknowledgements, a
//!                                bureau's registry and revocations), pages of at most PAGE_ROWS rows (JSON),
//!                                one frame per attachment (32-byte SHA-256, then the file), an end frame
//! ```
//!
//! Why a framed stream rather than a zip or an SQLite file: it is written and read in one pass through age's
//! streaming encryption, and memory stays bounded by one page of rows. The writer spools the pages (read once
//! from the database) and hashes them before it signs the header; the reader stages them until the bundle is
//! verified, then the app plans and applies them a page at a time inside one transaction. The
//! payload hash covers every frame head, the records and each attachment's SHA-256; each attachment's bytes are
//! checked against that SHA-256, so the signature covers them while every byte is hashed once. The reader trusts nothing: sizes are capped before allocation, the
//! payload hash is checked, every attachment is checked against its own hash, and the signature is verified by the
//! caller against the key it enrolled for the sender — never against a key the file brings.
//!
//! No database and no files here: byte streams in and out, keys, and the records' wire types.

pub mod card;
pub mod error;
pub mod format;
pub mod plan;
pub mod records;

pub use card::{fingerprint, fingerprint_groups, DeviceCard, SignedCard};
pub use error::SyncError;
pub use format::{
    read_bundle, read_header, read_pages, write_bundle, AttachmentSink, AttachmentSource, BundleHeader, Incoming,
    Spool, PAGE_ROWS,
};
pub use records::{
    Ack, AttachmentMeta, FieldVersion, QuarantineReason, Records, Revocation, Row, SyncTable, TableKind,
};

/// The format version this build writes and reads.
pub const FORMAT: u32 = 2;
