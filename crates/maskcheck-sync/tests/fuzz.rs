//! The bundle reader against hostile bytes (run in CI as a bounded proptest): arbitrary files, and real bundles
//! flipped, cut, spliced and extended anywhere. It must answer every one with a typed refusal or the bundle —
//! never a panic, never an allocation the file asked for.

use std::collections::BTreeMap;
use std::io::{self, Read, Write};

use maskcheck_sync::{
    read_bundle, write_bundle, AttachmentSink, AttachmentSource, BundleHeader, Records, Row, SyncTable,
};
use proptest::prelude::*;

struct Files(BTreeMap<String, Vec<u8>>);

impl AttachmentSource for Files {
    fn open(&self, hash: &str) -> io::Result<Box<dyn Read + '_>> {
        Ok(Box::new(self.0.get(hash).ok_or(io::ErrorKind::NotFound)?.as_slice()))
    }
}

/// Keeps nothing: the reader's own checks are under test, not the store.
struct Discard;

impl AttachmentSink for Discard {
    fn create(&mut self, _: &str) -> io::Result<Box<dyn Write + '_>> {
        Ok(Box::new(io::sink()))
    }
    fn keep(&mut self, _: &str) -> io::Result<()> {
        Ok(())
    }
    fn records(&mut self) -> io::Result<Box<dyn Write + '_>> {
        Ok(Box::new(io::sink()))
    }
}

fn sha(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// A real bundle with a row and a small attachment, and the identity that can read it.
fn real() -> &'static (Vec<u8>, age::x25519::Identity) {
    static REAL: std::sync::OnceLock<(Vec<u8>, age::x25519::Identity)> = std::sync::OnceLock::new();
    REAL.get_or_init(|| {
        let key = ed25519_dalek::SigningKey::from_bytes(&[3u8; 32]);
        let identity = age::x25519::Identity::generate();
        let photo = vec![9u8; 3000];
        let hash = sha(&photo);
        let files = Files(BTreeMap::from([(hash.clone(), photo)]));
        let mut values = serde_json::Map::new();
        values.insert("id".into(), "e1".into());
        values.insert("version".into(), "001795000000000.0000000000.d".into());
        let records = Records { rows: vec![Row { table: SyncTable::Enterprise, values }], ..Default::default() };
        let header = BundleHeader {
            format: maskcheck_sync::FORMAT,
            schema: 6,
            bundle_id: "b".into(),
            sender: "s".into(),
            seq: 1,
            recipient: "r".into(),
            from_change: 0,
            through_change: 1,
            clock_min: None,
            clock_max: None,
            created_at: String::new(),
            rows: 1,
            attachments: 1,
            payload_sha256: String::new(),
        };
        let mut out = Vec::new();
        let spool = maskcheck_sync::Spool::of(&records).expect("spool");
        write_bundle(&mut out, header, spool, &[hash], &files, &key, &identity.to_public(), &mut |_, _| ())
            .expect("write");
        (out, identity)
    })
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, bit: u8 },
    Cut { at: usize },
    Splice { at: usize, bytes: Vec<u8> },
    Append { bytes: Vec<u8> },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip { at, bit }),
        any::<usize>().prop_map(|at| Mutation::Cut { at }),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..64))
            .prop_map(|(at, bytes)| Mutation::Splice { at, bytes }),
        prop::collection::vec(any::<u8>(), 1..64).prop_map(|bytes| Mutation::Append { bytes }),
    ]
}

fn apply(mut file: Vec<u8>, m: &Mutation) -> Vec<u8> {
    let n = file.len();
    if n == 0 && !matches!(m, Mutation::Append { .. }) {
        return file; // cut to nothing by an earlier mutation: only appending still changes it
    }
    match m {
        Mutation::Flip { at, bit } => file[at % n] ^= 1 << bit,
        Mutation::Cut { at } => file.truncate(at % n),
        Mutation::Splice { at, bytes } => {
            let at = at % n;
            file.splice(at..(at + bytes.len()).min(n), bytes.iter().copied());
        }
        Mutation::Append { bytes } => file.extend(bytes),
    }
    file
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_are_refused_without_a_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let (_, identity) = real();
        prop_assert!(read_bundle(bytes.as_slice(), identity, &mut Discard).is_err());
    }

    #[test]
    fn a_mutated_real_bundle_is_refused_or_read_whole(ms in prop::collection::vec(mutation(), 1..4)) {
        let (file, identity) = real();
        let mutated = ms.iter().fold(file.clone(), apply);
        // Only a mutation that left the authenticated content as it was may still read (a flip in an unused bit of
        // age's armour, say): then it reads whole.
        if let Ok(b) = read_bundle(mutated.as_slice(), identity, &mut Discard) {
            prop_assert_eq!(b.pages, 1);
        }
    }
}

/// The committed corpus, `fuzz/corpus/bundles/`: real bundles (the seeds, and any file a fuzz run ever found a fault
/// with) and the test identity they are encrypted to. `UPDATE_CORPUS=1` writes the seed anew.
fn corpus() -> (Vec<(String, Vec<u8>)>, age::x25519::Identity) {
    use age::secrecy::ExposeSecret;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/bundles");
    if std::env::var_os("UPDATE_CORPUS").is_some() {
        let (file, identity) = real();
        std::fs::create_dir_all(&dir).expect("corpus dir");
        std::fs::write(dir.join("real.mcb"), file).expect("seed");
        std::fs::write(dir.join("identity.txt"), identity.to_string().expose_secret().as_bytes()).expect("identity");
    }
    let identity = std::fs::read_to_string(dir.join("identity.txt")).expect("identity").trim().parse().expect("parse");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("fuzz/corpus/bundles")
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "mcb"))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).expect("read")))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "the corpus holds its seed");
    (files, identity)
}

#[test]
fn every_corpus_bundle_reads_whole_or_is_refused() {
    let (files, identity) = corpus();
    let read = files.iter().filter(|(_, b)| read_bundle(b.as_slice(), &identity, &mut Discard).is_ok()).count();
    assert!(read >= 1, "the seed reads");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn a_mutated_corpus_bundle_is_refused_or_read_whole(
        pick in any::<prop::sample::Index>(),
        ms in prop::collection::vec(mutation(), 1..4),
    ) {
        let (files, identity) = corpus();
        let (_, file) = &files[pick.index(files.len())];
        let mutated = ms.iter().fold(file.clone(), apply);
        if let Ok(b) = read_bundle(mutated.as_slice(), &identity, &mut Discard) {
            prop_assert!(b.pages >= 1);
        }
    }
}
