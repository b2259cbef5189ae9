//! Writing and reading the bundle file (layout in the crate documentation).

use std::io::{self, Read, Seek, SeekFrom, Write};

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::card::{hex, unhex};
use crate::records::Records;
use crate::{SyncError, FORMAT};

const MAGIC: &[u8; 4] = b"MCB1";
const MAX_HEADER: u64 = 64 << 10;
/// Acknowledgements and a bureau's registry: a few hundred devices.
const MAX_META: u64 = 16 << 20;
/// One page of rows ([`PAGE_ROWS`] of them; a row is at most a few tens of KB of JSON).
const MAX_RECORDS: u64 = 64 << 20;
/// A photo is resized on attach; a scan of a signed paper stays under this.
const MAX_ATTACHMENT: u64 = 64 << 20;

/// Rows per records frame: what a reader holds in memory at once.
pub const PAGE_ROWS: usize = 500;

const FRAME_RECORDS: u8 = 1;
const FRAME_ATTACHMENT: u8 = 2;
const FRAME_META: u8 = 3;
const FRAME_END: u8 = 0;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BundleHeader {
    pub format: u32,
    /// The sender's database schema.
    pub schema: i64,
    /// UUIDv7: a bundle applied once is recognised by it.
    pub bundle_id: String,
    pub sender: String,
    /// The sender's bundle counter for this recipient: a different bundle with a number already applied is a replay.
    pub seq: u64,
    pub recipient: String,
    /// The sender's change numbers this bundle covers: `(from, through]`.
    pub from_change: u64,
    pub through_change: u64,
    /// The earliest and latest clock of the rows carried.
    pub clock_min: Option<String>,
    pub clock_max: Option<String>,
    pub created_at: String,
    pub rows: u64,
    pub attachments: u64,
    /// SHA-256 of every frame byte, hex; filled in by [`write_bundle`].
    pub payload_sha256: String,
}

/// Where the writer reads attachments from (the app's content-addressed store).
pub trait AttachmentSource {
    fn open(&self, hash: &str) -> io::Result<Box<dyn Read + '_>>;

    /// The attachment's size (a store answers from the file's metadata; this default reads it through).
    fn len(&self, hash: &str) -> io::Result<u64> {
        io::copy(&mut self.open(hash)?, &mut io::sink())
    }
}

/// Where the reader puts what it cannot apply before the whole bundle is verified: attachments, written as they
/// stream in and each checked against its hash before [`AttachmentSink::keep`], and the pages of rows (the app
/// stages both and applies them only once the payload hash and the signature have been checked).
pub trait AttachmentSink {
    fn create(&mut self, hash: &str) -> io::Result<Box<dyn Write + '_>>;
    /// The attachment just written matched its hash.
    fn keep(&mut self, hash: &str) -> io::Result<()>;
    /// Where the records frames go, one after the other, as they were in the bundle (read back by [`read_pages`]).
    fn records(&mut self) -> io::Result<Box<dyn Write + '_>>;
}

fn frame_head(kind: u8, len: u64) -> [u8; 9] {
    let mut head = [kind, 0, 0, 0, 0, 0, 0, 0, 0];
    head[1..].copy_from_slice(&len.to_le_bytes());
    head
}

/// The records of a bundle being written: the meta frame, then pages of rows as they are read from the database,
/// written to a spool file and hashed on the way, so the header can carry the payload hash and be signed before
/// they are copied into the encrypted stream. The rows are read once and never held all at once.
pub struct Spool<F> {
    file: F,
    hash: Sha256,
    len: u64,
    pages: u64,
}

impl<F: Read + Write + Seek> Spool<F> {
    /// Starts the spool with the meta frame: acknowledgements and (from a bureau) its registry and revocations.
    pub fn new(file: F, meta: &Records) -> io::Result<Self> {
        let mut spool = Spool { file, hash: Sha256::new(), len: 0, pages: 0 };
        let json = serde_json::to_vec(&Records { rows: Vec::new(), ..meta.clone() }).map_err(io::Error::other)?;
        spool.frame(FRAME_META, &json)?;
        Ok(spool)
    }

    /// Adds one page of rows with their field clocks and attachment descriptions.
    pub fn push(&mut self, page: &Records) -> io::Result<()> {
        let json = serde_json::to_vec(page).map_err(io::Error::other)?;
        self.pages += 1;
        self.frame(FRAME_RECORDS, &json)
    }

    fn frame(&mut self, kind: u8, body: &[u8]) -> io::Result<()> {
        let head = frame_head(kind, body.len() as u64);
        for part in [&head[..], body] {
            self.hash.update(part);
            self.file.write_all(part)?;
        }
        self.len += (head.len() + body.len()) as u64;
        Ok(())
    }

    pub fn pages(&self) -> u64 {
        self.pages
    }
}

impl Spool<io::Cursor<Vec<u8>>> {
    /// A spool in memory holding `records` (meta, then pages of [`PAGE_ROWS`] rows; the field clocks and attachment
    /// descriptions go with the first page): for tests and small bundles.
    pub fn of(records: &Records) -> io::Result<Self> {
        let mut spool = Spool::new(io::Cursor::new(Vec::new()), records)?;
        let mut pages = records.rows.chunks(PAGE_ROWS);
        let first = pages.next().unwrap_or_default();
        spool.push(&Records {
            rows: first.to_vec(),
            field_versions: records.field_versions.clone(),
            attachments: records.attachments.clone(),
            ..Default::default()
        })?;
        for page in pages {
            spool.push(&Records { rows: page.to_vec(), ..Default::default() })?;
        }
        Ok(spool)
    }
}

/// Frames after the spooled records, hashed as they pass; progress reported in bytes.
struct Frames<'p, W: Write> {
    out: W,
    hash: Sha256,
    done: u64,
    total: u64,
    progress: &'p mut dyn FnMut(u64, u64),
}

impl<W: Write> Frames<'_, W> {
    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.hash.update(bytes);
        self.put_content(bytes)
    }

    /// An attachment's bytes: the payload hash covers its SHA-256 (in the frame), not the bytes again, so each
    /// byte is hashed once on either side.
    fn put_content(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)?;
        self.done += bytes.len() as u64;
        Ok(())
    }

    /// Writes each attachment frame (its bytes read from `src` only when `contents`, and then checked against its
    /// hash) and the end frame; returns the bytes of attachments.
    fn write_rest(&mut self, attachments: &[String], src: &dyn AttachmentSource, contents: bool) -> io::Result<u64> {
        let mut bytes = 0;
        for hash in attachments {
            let len = src.len(hash)?;
            bytes += len;
            let raw = unhex(hash).filter(|b| b.len() == 32).ok_or_else(|| io::Error::other("bad attachment hash"))?;
            self.put(&frame_head(FRAME_ATTACHMENT, 32 + len))?;
            self.put(&raw)?;
            if !contents {
                continue;
            }
            let mut reader = src.open(hash)?.take(len);
            let mut own = Sha256::new();
            let mut buf = vec![0u8; 256 << 10];
            let mut written = 0u64;
            loop {
                let n = reader.read(&mut buf)?;
                if n == 0 {
                    break;
                }
                own.update(&buf[..n]);
                self.put_content(&buf[..n])?;
                written += n as u64;
            }
            if written != len || hex(&own.finalize()) != *hash {
                return Err(io::Error::other(format!("attachment {hash} changed or is damaged in the store")));
            }
            (self.progress)(self.done, self.total);
        }
        self.put(&frame_head(FRAME_END, 0))?;
        (self.progress)(self.done, self.total);
        Ok(bytes)
    }
}

/// Writes a bundle to `out`: the payload hash is completed over the attachment frames' heads (their sizes from the
/// source, their hashes known), the header with that hash is signed, and everything is encrypted to `recipient` —
/// the spooled records copied, each attachment read once and checked against its hash. `progress` hears (bytes
/// written, bytes in all) after each file.
#[allow(clippy::too_many_arguments)]
pub fn write_bundle<F: Read + Write + Seek>(
    out: impl Write + Send,
    mut header: BundleHeader,
    mut spool: Spool<F>,
    attachments: &[String],
    src: &dyn AttachmentSource,
    key: &SigningKey,
    recipient: &age::x25519::Recipient,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<BundleHeader, SyncError> {
    let mut quiet = |_, _| {};
    let mut dry = Frames { out: io::sink(), hash: spool.hash.clone(), done: 0, total: 0, progress: &mut quiet };
    let attachment_bytes = dry.write_rest(attachments, src, false)?;
    header.format = FORMAT;
    header.payload_sha256 = hex(&dry.hash.finalize());
    let header_json = serde_json::to_vec(&header).map_err(io::Error::other)?;
    let signature = key.sign(&signed_bytes(&header_json));

    let encryptor = age::Encryptor::with_recipients(std::iter::once(recipient as &dyn age::Recipient))
        .map_err(|e| io::Error::other(e.to_string()))?;
    // Encryption and writing run on the second core, a chunk behind, while this thread reads and hashes.
    std::thread::scope(|scope| {
        let (chunks, encrypting) = std::sync::mpsc::sync_channel::<Vec<u8>>(AHEAD_CHUNKS);
        let writer = scope.spawn(move || -> io::Result<()> {
            let mut stream = encryptor.wrap_output(out)?;
            for chunk in encrypting {
                stream.write_all(&chunk)?;
            }
            stream.finish()?.flush()
        });
        let mut behind = WriteBehind { chunks, buf: Vec::with_capacity(AHEAD_CHUNK) };
        let written = (|| -> Result<(), SyncError> {
            behind.write_all(MAGIC)?;
            behind.write_all(&(header_json.len() as u32).to_le_bytes())?;
            behind.write_all(&header_json)?;
            behind.write_all(&signature.to_bytes())?;
            spool.file.flush()?;
            spool.file.seek(SeekFrom::Start(0))?;
            let copied = io::copy(&mut (&mut spool.file).take(spool.len), &mut behind)?;
            if copied != spool.len {
                return Err(io::Error::other("the spooled records were cut short").into());
            }
            let total = spool.len + dry.done + attachment_bytes;
            progress(spool.len, total);
            let mut frames = Frames { out: &mut behind, hash: spool.hash.clone(), done: spool.len, total, progress };
            frames.write_rest(attachments, src, true)?;
            if hex(&frames.hash.finalize()) != header.payload_sha256 {
                // An attachment changed between the two passes: the signed hash would not match.
                return Err(io::Error::other("an attachment changed while the bundle was written").into());
            }
            Ok(behind.flush()?)
        })();
        drop(behind); // the end of the chunks: the writer finishes the age stream
                      // The writer's own failure (a full disk) is the cause of a send that failed here.
        let finished = writer.join().map_err(|_| io::Error::other("the bundle writer stopped"))?;
        finished?;
        written
    })?;
    Ok(header)
}

/// Hands chunks of [`AHEAD_CHUNK`] bytes to the thread that encrypts and writes them.
struct WriteBehind {
    chunks: std::sync::mpsc::SyncSender<Vec<u8>>,
    buf: Vec<u8>,
}

impl Write for WriteBehind {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let n = bytes.len().min(AHEAD_CHUNK - self.buf.len());
        self.buf.extend_from_slice(&bytes[..n]);
        if self.buf.len() == AHEAD_CHUNK {
            self.flush()?;
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let full = std::mem::replace(&mut self.buf, Vec::with_capacity(AHEAD_CHUNK));
        self.chunks.send(full).map_err(|_| io::Error::other("the bundle writer stopped"))
    }
}

fn signed_bytes(header_json: &[u8]) -> Vec<u8> {
    [MAGIC.as_slice(), header_json].concat()
}

/// A bundle read and checked (decrypted, payload hash and attachment hashes verified); the signature is checked
/// by [`Incoming::verify`] against the key the receiver enrolled for the sender. Its pages of rows are in the
/// sink's records file, read back by [`read_pages`].
#[derive(Debug)]
pub struct Incoming {
    pub header: BundleHeader,
    header_json: Vec<u8>,
    signature: [u8; 64],
    /// Acknowledgements, and from a bureau its registry and revocations (no rows).
    pub meta: Records,
    /// How many pages of rows went to the sink.
    pub pages: u64,
    /// Hashes of the attachments written to the sink.
    pub attachments: Vec<String>,
}

impl Incoming {
    pub fn verify(&self, sender_key: &VerifyingKey) -> Result<(), SyncError> {
        sender_key
            .verify(&signed_bytes(&self.header_json), &Signature::from_bytes(&self.signature))
            .map_err(|_| SyncError::BadSignature)
    }
}

/// How every age file starts: anything else is not a bundle at all; an age file that fails later is damaged.
const AGE_MAGIC: &[u8] = b"age-encryption.org/";

fn decrypting<'a, R: Read + Send + 'a>(
    mut input: R,
    identity: &age::x25519::Identity,
) -> Result<Box<dyn Read + Send + 'a>, SyncError> {
    let mut start = Vec::with_capacity(AGE_MAGIC.len());
    (&mut input).take(AGE_MAGIC.len() as u64).read_to_end(&mut start)?;
    if start != AGE_MAGIC {
        return Err(SyncError::NotABundle);
    }
    let decryptor = age::Decryptor::new(std::io::Cursor::new(start).chain(input)).map_err(|_| SyncError::Damaged)?;
    let reader = decryptor.decrypt(std::iter::once(identity as &dyn age::Identity)).map_err(|e| match e {
        age::DecryptError::NoMatchingKeys => SyncError::NotForThisDevice,
        _ => SyncError::Damaged,
    })?;
    Ok(Box::new(reader))
}

/// age reports a failed chunk (altered or cut short) as an IO error while reading: that is damage, not IO.
fn damaged(e: io::Error) -> SyncError {
    match e.kind() {
        io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof => SyncError::Damaged,
        _ => SyncError::Io(e),
    }
}

fn read_exact_or_damaged(r: &mut dyn Read, buf: &mut [u8]) -> Result<(), SyncError> {
    r.read_exact(buf).map_err(damaged)
}

fn read_head(r: &mut dyn Read) -> Result<(BundleHeader, Vec<u8>, [u8; 64]), SyncError> {
    let mut magic = [0u8; 4];
    read_exact_or_damaged(r, &mut magic)?;
    if &magic != MAGIC {
        return Err(SyncError::NotABundle);
    }
    let mut len = [0u8; 4];
    read_exact_or_damaged(r, &mut len)?;
    let len = u64::from(u32::from_le_bytes(len));
    if len > MAX_HEADER {
        return Err(SyncError::TooLarge { what: "文件头", limit: MAX_HEADER });
    }
    let mut header_json = vec![0u8; len as usize];
    read_exact_or_damaged(r, &mut header_json)?;
    let mut signature = [0u8; 64];
    read_exact_or_damaged(r, &mut signature)?;
    let format = serde_json::from_slice::<serde_json::Value>(&header_json)
        .ok()
        .and_then(|v| v.get("format").and_then(|f| f.as_u64()))
        .ok_or(SyncError::Damaged)?;
    if format > u64::from(FORMAT) {
        return Err(SyncError::NewerFormat { found: format as u32, supported: FORMAT });
    }
    if format < u64::from(FORMAT) {
        return Err(SyncError::OlderFormat { found: format as u32, supported: FORMAT });
    }
    let header: BundleHeader = serde_json::from_slice(&header_json).map_err(|_| SyncError::Damaged)?;
    Ok((header, header_json, signature))
}

/// Decrypts and reads only the header (for `bundle inspect`).
pub fn read_header(input: impl Read + Send, identity: &age::x25519::Identity) -> Result<BundleHeader, SyncError> {
    let mut r = decrypting(input, identity)?;
    Ok(read_head(&mut r)?.0)
}

/// Decrypts and reads a whole bundle: the meta frame into memory, the pages of rows and the attachments streamed
/// into `sink`; nothing in the sink may be used until [`Incoming::verify`] has passed.
pub fn read_bundle(
    input: impl Read + Send,
    identity: &age::x25519::Identity,
    sink: &mut dyn AttachmentSink,
) -> Result<Incoming, SyncError> {
    let decrypted = decrypting(input, identity)?;
    // Decryption runs a chunk ahead on the second core while this thread hashes and writes.
    std::thread::scope(|scope| {
        let mut ahead = ReadAhead::start(scope, decrypted);
        read_frames(&mut ahead, sink)
    })
}

/// Chunks a reader thread has read, handed over through a bounded channel (the buffers go back to be reused):
/// memory stays at a few chunks. When this side stops early, dropping it ends the thread.
struct ReadAhead {
    full: std::sync::mpsc::Receiver<io::Result<(Vec<u8>, usize)>>,
    empty: std::sync::mpsc::SyncSender<Vec<u8>>,
    current: Vec<u8>,
    len: usize,
    pos: usize,
}

const AHEAD_CHUNK: usize = 256 << 10;
const AHEAD_CHUNKS: usize = 4;

impl ReadAhead {
    fn start<'scope, 'env>(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        mut input: Box<dyn Read + Send + 'env>,
    ) -> ReadAhead {
        let (full_tx, full) = std::sync::mpsc::sync_channel(AHEAD_CHUNKS);
        let (empty, empty_rx) = std::sync::mpsc::sync_channel::<Vec<u8>>(AHEAD_CHUNKS + 1);
        for _ in 0..AHEAD_CHUNKS {
            let _ = empty.send(vec![0u8; AHEAD_CHUNK]);
        }
        scope.spawn(move || {
            while let Ok(mut buf) = empty_rx.recv() {
                // Fill the chunk (age yields 64 KiB at a time) so the other side wakes once per chunk.
                let mut len = 0;
                let read = loop {
                    match input.read(&mut buf[len..]) {
                        Ok(0) => break Ok(()),
                        Ok(n) => {
                            len += n;
                            if len == buf.len() {
                                break Ok(());
                            }
                        }
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                        Err(e) => break Err(e),
                    }
                };
                // An empty chunk is the end; after an error nothing more is read.
                let last = len == 0 || read.is_err();
                let sent = full_tx.send(read.map(|()| (buf, len)));
                if sent.is_err() || last {
                    return;
                }
            }
        });
        ReadAhead { full, empty, current: Vec::new(), len: 0, pos: 0 }
    }
}

impl Read for ReadAhead {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.pos == self.len {
            if !self.current.is_empty() {
                let _ = self.empty.send(std::mem::take(&mut self.current));
            }
            match self.full.recv() {
                Ok(Ok((buf, len))) => {
                    self.current = buf;
                    self.len = len;
                    self.pos = 0;
                }
                Ok(Err(e)) => return Err(e),
                Err(_) => return Ok(0), // the reader finished (it sent its end) or stopped
            }
        }
        let n = out.len().min(self.len - self.pos);
        out[..n].copy_from_slice(&self.current[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

fn read_frames(r: &mut dyn Read, sink: &mut dyn AttachmentSink) -> Result<Incoming, SyncError> {
    let (header, header_json, signature) = read_head(r)?;
    let mut hash = Sha256::new();
    let mut meta = None;
    let mut pages = 0;
    let mut attachments = Vec::new();
    let mut buf = vec![0u8; 256 << 10];
    loop {
        let mut head = [0u8; 9];
        read_exact_or_damaged(r, &mut head)?;
        hash.update(head);
        let kind = head[0];
        let len = u64::from_le_bytes(head[1..].try_into().map_err(|_| SyncError::Damaged)?);
        match kind {
            FRAME_END if len == 0 => break,
            // The meta frame comes first, once; pages of rows follow it, then the attachments.
            FRAME_META if meta.is_none() => {
                if len > MAX_META {
                    return Err(SyncError::TooLarge { what: "设备登记", limit: MAX_META });
                }
                let mut body = vec![0u8; len as usize];
                read_exact_or_damaged(r, &mut body)?;
                hash.update(&body);
                let m = serde_json::from_slice::<Records>(&body).map_err(|_| SyncError::Damaged)?;
                if !m.rows.is_empty() {
                    return Err(SyncError::Damaged);
                }
                meta = Some(m);
            }
            FRAME_RECORDS if meta.is_some() && attachments.is_empty() => {
                if len > MAX_RECORDS {
                    return Err(SyncError::TooLarge { what: "记录", limit: MAX_RECORDS });
                }
                let mut out = sink.records()?;
                out.write_all(&head)?;
                copy_hashed(r, &mut out, len, &mut buf, &mut hash)?;
                out.flush()?;
                pages += 1;
            }
            FRAME_ATTACHMENT if meta.is_some() && (33..=MAX_ATTACHMENT + 32).contains(&len) => {
                let mut raw = [0u8; 32];
                read_exact_or_damaged(r, &mut raw)?;
                hash.update(raw);
                let name = hex(&raw);
                let mut own = Sha256::new();
                {
                    let mut out = sink.create(&name)?;
                    copy_hashed(r, &mut out, len - 32, &mut buf, &mut own)?;
                    out.flush()?;
                }
                if hex(&own.finalize()) != name {
                    return Err(SyncError::Damaged);
                }
                sink.keep(&name)?;
                attachments.push(name);
            }
            FRAME_ATTACHMENT if meta.is_some() => {
                return Err(SyncError::TooLarge { what: "附件", limit: MAX_ATTACHMENT })
            }
            _ => return Err(SyncError::Damaged),
        }
    }
    // Nothing may follow the end frame (age would have caught a cut; this catches a padded plaintext).
    let mut extra = [0u8; 1];
    if r.read(&mut extra).map_err(damaged)? != 0 {
        return Err(SyncError::Damaged);
    }
    if hex(&hash.finalize()) != header.payload_sha256 {
        return Err(SyncError::Damaged);
    }
    let meta = meta.ok_or(SyncError::Damaged)?;
    Ok(Incoming { header, header_json, signature, meta, pages, attachments })
}

/// Copies `len` bytes from `r` to `out` through `hash`.
fn copy_hashed(
    r: &mut dyn Read,
    out: &mut dyn Write,
    mut len: u64,
    buf: &mut [u8],
    hash: &mut Sha256,
) -> Result<(), SyncError> {
    while len > 0 {
        let n = (buf.len() as u64).min(len) as usize;
        read_exact_or_damaged(r, &mut buf[..n])?;
        hash.update(&buf[..n]);
        out.write_all(&buf[..n])?;
        len -= n as u64;
    }
    Ok(())
}

/// The pages of rows a verified bundle left in the sink's records file, one at a time.
pub fn read_pages(mut input: impl Read) -> impl Iterator<Item = Result<Records, SyncError>> {
    std::iter::from_fn(move || {
        let mut head = [0u8; 9];
        match input.read(&mut head[..1]) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => return Some(Err(e.into())),
        }
        let page = (|| {
            input.read_exact(&mut head[1..]).map_err(damaged)?;
            let len = u64::from_le_bytes(head[1..].try_into().map_err(|_| SyncError::Damaged)?);
            if head[0] != FRAME_RECORDS || len > MAX_RECORDS {
                return Err(SyncError::Damaged);
            }
            let mut body = vec![0u8; len as usize];
            input.read_exact(&mut body).map_err(damaged)?;
            serde_json::from_slice::<Records>(&body).map_err(|_| SyncError::Damaged)
        })();
        Some(page)
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::records::{Row, SyncTable};

    struct Files(BTreeMap<String, Vec<u8>>);

    impl AttachmentSource for Files {
        fn open(&self, hash: &str) -> io::Result<Box<dyn Read + '_>> {
            let bytes = self.0.get(hash).ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))?;
            Ok(Box::new(bytes.as_slice()))
        }
    }

    #[derive(Default)]
    struct Staged {
        open: BTreeMap<String, Vec<u8>>,
        kept: Vec<String>,
        records: Vec<u8>,
    }

    impl AttachmentSink for Staged {
        fn create(&mut self, hash: &str) -> io::Result<Box<dyn Write + '_>> {
            Ok(Box::new(self.open.entry(hash.to_string()).or_default()))
        }
        fn keep(&mut self, hash: &str) -> io::Result<()> {
            self.kept.push(hash.to_string());
            Ok(())
        }
        fn records(&mut self) -> io::Result<Box<dyn Write + '_>> {
            Ok(Box::new(&mut self.records))
        }
    }

    fn header() -> BundleHeader {
        BundleHeader {
            format: FORMAT,
            schema: 6,
            bundle_id: "b1".into(),
            sender: "s".into(),
            seq: 1,
            recipient: "r".into(),
            from_change: 0,
            through_change: 3,
            clock_min: None,
            clock_max: None,
            created_at: "2026-11-24T10:00:00+08:00".into(),
            rows: 1,
            attachments: 1,
            payload_sha256: String::new(),
        }
    }

    struct Fixture {
        key: SigningKey,
        identity: age::x25519::Identity,
        file: Vec<u8>,
        photo: String,
    }

    fn fixture() -> Fixture {
        let key = SigningKey::generate(&mut rand_core::OsRng);
        let identity = age::x25519::Identity::generate();
        let photo_bytes = vec![7u8; 200_000];
        let photo = hex(&Sha256::digest(&photo_bytes));
        let files = Files(BTreeMap::from([(photo.clone(), photo_bytes)]));
        // Enough rows for three pages: the reader gets them back in order, one page at a time.
        let rows = (0..2 * PAGE_ROWS + 1)
            .map(|i| {
                let mut values = serde_json::Map::new();
                values.insert("id".into(), format!("e{i}").into());
                values.insert("name".into(), "康达口罩厂".into());
                Row { table: SyncTable::Enterprise, values }
            })
            .collect();
        let records = Records { rows, ..Default::default() };
        let mut file = Vec::new();
        let spool = Spool::of(&records).expect("spool");
        let mut heard = Vec::new();
        let mut progress = |done, total| heard.push((done, total));
        let to = identity.to_public();
        write_bundle(&mut file, header(), spool, std::slice::from_ref(&photo), &files, &key, &to, &mut progress)
            .expect("write");
        let (done, total) = *heard.last().expect("progress heard");
        assert!(done == total && total > 200_000, "progress ends at the whole: {heard:?}");
        Fixture { key, identity, file, photo }
    }

    #[test]
    fn a_bundle_reads_back_whole_and_verifies_with_its_senders_key() {
        let f = fixture();
        let mut sink = Staged::default();
        let got = read_bundle(f.file.as_slice(), &f.identity, &mut sink).expect("read");
        assert_eq!(got.pages, 3);
        let pages: Vec<Records> = read_pages(sink.records.as_slice()).collect::<Result<_, _>>().expect("pages");
        assert_eq!(pages.iter().map(|p| p.rows.len()).collect::<Vec<_>>(), vec![PAGE_ROWS, PAGE_ROWS, 1]);
        assert_eq!(pages[2].rows[0].id(), format!("e{}", 2 * PAGE_ROWS), "in order");
        assert_eq!(pages[0].rows[0].text("name"), Some("康达口罩厂"));
        assert_eq!(sink.kept, vec![f.photo.clone()]);
        assert_eq!(sink.open[&f.photo].len(), 200_000);
        got.verify(&f.key.verifying_key()).expect("signed by the sender");
        let stranger = SigningKey::generate(&mut rand_core::OsRng);
        assert!(matches!(got.verify(&stranger.verifying_key()), Err(SyncError::BadSignature)));
        assert!(!String::from_utf8_lossy(&f.file).contains("康达"), "nothing in clear");
    }

    #[test]
    fn every_damage_is_refused_before_anything_is_kept() {
        let f = fixture();
        let other = age::x25519::Identity::generate();
        let mut sink = Staged::default();
        assert!(matches!(read_bundle(f.file.as_slice(), &other, &mut sink), Err(SyncError::NotForThisDevice)));
        for cut in [10, f.file.len() / 2, f.file.len() - 1] {
            let r = read_bundle(&f.file[..cut], &f.identity, &mut Staged::default());
            assert!(matches!(r, Err(SyncError::Damaged | SyncError::NotABundle)), "cut at {cut}: {r:?}");
        }
        for at in [200, f.file.len() / 2, f.file.len() - 20] {
            let mut flipped = f.file.clone();
            flipped[at] ^= 0x01;
            let r = read_bundle(flipped.as_slice(), &f.identity, &mut Staged::default());
            assert!(matches!(r, Err(SyncError::Damaged | SyncError::NotABundle)), "flip at {at}: {r:?}");
        }
        assert!(matches!(
            read_bundle(&b"PK\x03\x04 not a bundle"[..], &f.identity, &mut sink),
            Err(SyncError::NotABundle)
        ));
    }

    #[test]
    fn a_newer_format_asks_for_an_update() {
        let f = fixture();
        let key = &f.key;
        let mut h = header();
        h.format = FORMAT + 1;
        // Written by hand: `write_bundle` always writes this build's format.
        let json = serde_json::to_vec(&h).expect("json");
        let sig = key.sign(&signed_bytes(&json));
        let mut plain = MAGIC.to_vec();
        plain.extend((json.len() as u32).to_le_bytes());
        plain.extend(&json);
        plain.extend(sig.to_bytes());
        let enc = age::Encryptor::with_recipients(std::iter::once(&f.identity.to_public() as &dyn age::Recipient))
            .expect("encryptor");
        let mut file = Vec::new();
        let mut w = enc.wrap_output(&mut file).expect("wrap");
        w.write_all(&plain).expect("write");
        w.finish().expect("finish");
        let r = read_header(file.as_slice(), &f.identity);
        assert!(matches!(r, Err(SyncError::NewerFormat { found, .. }) if found == FORMAT + 1), "{r:?}");
    }
}
