//! Writing and reading the bundle file (layout in the crate documentation).

use std::io::{self, Read, Write};

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::card::{hex, unhex};
use crate::records::Records;
use crate::{SyncError, FORMAT};

const MAGIC: &[u8; 4] = b"MCB1";
const MAX_HEADER: u64 = 64 << 10;
/// A year of one inspector is a few MB of records; a city's roster a few tens.
const MAX_RECORDS: u64 = 512 << 20;
/// A photo is resized on attach; a scan of a signed paper stays under this.
const MAX_ATTACHMENT: u64 = 64 << 20;

const FRAME_RECORDS: u8 = 1;
const FRAME_ATTACHMENT: u8 = 2;
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

/// Where the reader puts attachments: written as they stream in, each checked against its hash before
/// [`AttachmentSink::keep`] (the app stages them and moves them into its store only when the import commits).
pub trait AttachmentSink {
    fn create(&mut self, hash: &str) -> io::Result<Box<dyn Write + '_>>;
    /// The attachment just written matched its hash.
    fn keep(&mut self, hash: &str) -> io::Result<()>;
}

/// Frames after the signature, hashed as they pass.
struct Frames<W: Write> {
    out: W,
    hash: Sha256,
}

impl<W: Write> Frames<W> {
    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.hash.update(bytes);
        self.out.write_all(bytes)
    }

    /// An attachment's bytes: the payload hash covers its SHA-256 (in the frame), not the bytes again, so each
    /// byte is hashed once on either side.
    fn put_content(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)
    }

    fn frame_head(&mut self, kind: u8, len: u64) -> io::Result<()> {
        self.put(&[kind])?;
        self.put(&len.to_le_bytes())
    }

    /// Writes every frame: the records, each attachment (its bytes read from `src` only when `contents`, and then
    /// checked against its hash), the end frame.
    fn write_all(
        &mut self,
        records: &[u8],
        attachments: &[String],
        src: &dyn AttachmentSource,
        contents: bool,
    ) -> io::Result<()> {
        self.frame_head(FRAME_RECORDS, records.len() as u64)?;
        self.put(records)?;
        for hash in attachments {
            let len = src.len(hash)?;
            let raw = unhex(hash).filter(|b| b.len() == 32).ok_or_else(|| io::Error::other("bad attachment hash"))?;
            self.frame_head(FRAME_ATTACHMENT, 32 + len)?;
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
        }
        self.frame_head(FRAME_END, 0)
    }
}

/// Writes a bundle to `out`: the payload is hashed in a first pass (attachments are read twice, never held in
/// memory), the header with that hash is signed, and everything is encrypted to `recipient`.
pub fn write_bundle(
    out: impl Write,
    mut header: BundleHeader,
    records: &Records,
    attachments: &[String],
    src: &dyn AttachmentSource,
    key: &SigningKey,
    recipient: &age::x25519::Recipient,
) -> Result<BundleHeader, SyncError> {
    let records_json = serde_json::to_vec(records).map_err(io::Error::other)?;
    let mut dry = Frames { out: io::sink(), hash: Sha256::new() };
    dry.write_all(&records_json, attachments, src, false)?;
    header.format = FORMAT;
    header.payload_sha256 = hex(&dry.hash.finalize());
    let header_json = serde_json::to_vec(&header).map_err(io::Error::other)?;
    let signature = key.sign(&signed_bytes(&header_json));

    let encryptor = age::Encryptor::with_recipients(std::iter::once(recipient as &dyn age::Recipient))
        .map_err(|e| io::Error::other(e.to_string()))?;
    let mut stream = encryptor.wrap_output(out)?;
    stream.write_all(MAGIC)?;
    stream.write_all(&(header_json.len() as u32).to_le_bytes())?;
    stream.write_all(&header_json)?;
    stream.write_all(&signature.to_bytes())?;
    let mut frames = Frames { out: &mut stream, hash: Sha256::new() };
    frames.write_all(&records_json, attachments, src, true)?;
    if hex(&frames.hash.finalize()) != header.payload_sha256 {
        // An attachment changed between the two passes: the signed hash would not match.
        return Err(io::Error::other("an attachment changed while the bundle was written").into());
    }
    stream.finish()?.flush()?;
    Ok(header)
}

fn signed_bytes(header_json: &[u8]) -> Vec<u8> {
    [MAGIC.as_slice(), header_json].concat()
}

/// A bundle read and checked (decrypted, payload hash and attachment hashes verified); the signature is checked
/// by [`Incoming::verify`] against the key the receiver enrolled for the sender.
#[derive(Debug)]
pub struct Incoming {
    pub header: BundleHeader,
    header_json: Vec<u8>,
    signature: [u8; 64],
    pub records: Records,
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

fn decrypting<'a, R: Read + 'a>(
    mut input: R,
    identity: &age::x25519::Identity,
) -> Result<Box<dyn Read + 'a>, SyncError> {
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
    let header: BundleHeader = serde_json::from_slice(&header_json).map_err(|_| SyncError::Damaged)?;
    Ok((header, header_json, signature))
}

/// Decrypts and reads only the header (for `bundle inspect`).
pub fn read_header(input: impl Read, identity: &age::x25519::Identity) -> Result<BundleHeader, SyncError> {
    let mut r = decrypting(input, identity)?;
    Ok(read_head(&mut r)?.0)
}

/// Decrypts and reads a whole bundle, streaming attachments into `sink`.
pub fn read_bundle(
    input: impl Read,
    identity: &age::x25519::Identity,
    sink: &mut dyn AttachmentSink,
) -> Result<Incoming, SyncError> {
    let mut r = decrypting(input, identity)?;
    let (header, header_json, signature) = read_head(&mut r)?;
    let mut hash = Sha256::new();
    let mut records = None;
    let mut attachments = Vec::new();
    loop {
        let mut head = [0u8; 9];
        read_exact_or_damaged(&mut r, &mut head)?;
        hash.update(head);
        let kind = head[0];
        let len = u64::from_le_bytes(head[1..].try_into().map_err(|_| SyncError::Damaged)?);
        match kind {
            FRAME_END if len == 0 => break,
            FRAME_RECORDS if records.is_none() => {
                if len > MAX_RECORDS {
                    return Err(SyncError::TooLarge { what: "记录", limit: MAX_RECORDS });
                }
                let mut buf = vec![0u8; len as usize];
                read_exact_or_damaged(&mut r, &mut buf)?;
                hash.update(&buf);
                records = Some(serde_json::from_slice::<Records>(&buf).map_err(|_| SyncError::Damaged)?);
            }
            FRAME_ATTACHMENT if (33..=MAX_ATTACHMENT + 32).contains(&len) => {
                let mut raw = [0u8; 32];
                read_exact_or_damaged(&mut r, &mut raw)?;
                hash.update(raw);
                let name = hex(&raw);
                let mut own = Sha256::new();
                {
                    let mut out = sink.create(&name)?;
                    let mut left = len - 32;
                    let mut buf = vec![0u8; 256 << 10];
                    while left > 0 {
                        let n = (buf.len() as u64).min(left) as usize;
                        read_exact_or_damaged(&mut r, &mut buf[..n])?;
                        own.update(&buf[..n]);
                        out.write_all(&buf[..n])?;
                        left -= n as u64;
                    }
                    out.flush()?;
                }
                if hex(&own.finalize()) != name {
                    return Err(SyncError::Damaged);
                }
                sink.keep(&name)?;
                attachments.push(name);
            }
            FRAME_ATTACHMENT => return Err(SyncError::TooLarge { what: "附件", limit: MAX_ATTACHMENT }),
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
    let records = records.ok_or(SyncError::Damaged)?;
    Ok(Incoming { header, header_json, signature, records, attachments })
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
    }

    impl AttachmentSink for Staged {
        fn create(&mut self, hash: &str) -> io::Result<Box<dyn Write + '_>> {
            Ok(Box::new(self.open.entry(hash.to_string()).or_default()))
        }
        fn keep(&mut self, hash: &str) -> io::Result<()> {
            self.kept.push(hash.to_string());
            Ok(())
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
        let mut values = serde_json::Map::new();
        values.insert("id".into(), "e1".into());
        values.insert("name".into(), "康达口罩厂".into());
        let records = Records { rows: vec![Row { table: SyncTable::Enterprise, values }], ..Default::default() };
        let mut file = Vec::new();
        write_bundle(&mut file, header(), &records, std::slice::from_ref(&photo), &files, &key, &identity.to_public())
            .expect("write");
        Fixture { key, identity, file, photo }
    }

    #[test]
    fn a_bundle_reads_back_whole_and_verifies_with_its_senders_key() {
        let f = fixture();
        let mut sink = Staged::default();
        let got = read_bundle(f.file.as_slice(), &f.identity, &mut sink).expect("read");
        assert_eq!(got.records.rows[0].text("name"), Some("康达口罩厂"));
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
