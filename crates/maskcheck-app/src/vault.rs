//! The data directory's files at rest. An encrypted directory has one master secret, an age X25519 identity made
//! when it was encrypted: every file the app keeps (photos, evidence, issued PDFs, thumbnails, device keys, the
//! pages an import stages) is an age file to that identity, and the database key is derived from it. A plain
//! directory reads and writes its files as they are. The secret itself is stored only wrapped (see `keyring`).

use std::io::{Read, Write};
use std::path::Path;

use age::secrecy::ExposeSecret;
use maskcheck_store::DbKey;
use sha2::{Digest, Sha256};

/// The first bytes of every age file: how a sealed file is told from a plain one.
const AGE_MAGIC: &[u8] = b"age-encryption.org/v1";

/// How the database key is derived from the master secret (a label, so the same secret never keys two uses).
const DB_KEY_LABEL: &[u8] = b"maskcheck sqlcipher key v1\0";

pub(crate) enum Vault {
    Plain,
    Sealed(Box<Sealed>),
}

pub(crate) struct Sealed {
    identity: age::x25519::Identity,
    recipient: age::x25519::Recipient,
    db_key: DbKey,
}

impl Vault {
    pub fn sealed(identity: age::x25519::Identity) -> Vault {
        let db_key = {
            let mut h = Sha256::new();
            h.update(DB_KEY_LABEL);
            h.update(identity.to_string().expose_secret().as_bytes());
            DbKey::from_bytes(h.finalize().into())
        };
        let recipient = identity.to_public();
        Vault::Sealed(Box::new(Sealed { identity, recipient, db_key }))
    }

    /// The same vault again (a window's read-only opening and its full one hold one each).
    pub fn duplicate(&self) -> Vault {
        match self {
            Vault::Plain => Vault::Plain,
            Vault::Sealed(s) => Vault::sealed(s.identity.clone()),
        }
    }

    pub fn is_sealed(&self) -> bool {
        matches!(self, Vault::Sealed(_))
    }

    pub fn db_key(&self) -> Option<&DbKey> {
        match self {
            Vault::Plain => None,
            Vault::Sealed(s) => Some(&s.db_key),
        }
    }

    /// The master secret (to wrap it again under a new passphrase or to the bureau).
    pub fn identity(&self) -> Option<&age::x25519::Identity> {
        match self {
            Vault::Plain => None,
            Vault::Sealed(s) => Some(&s.identity),
        }
    }

    /// Encrypts `bytes` for this directory (unchanged when plain).
    pub fn seal(&self, bytes: &[u8]) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::with_capacity(bytes.len() + 256);
        let mut w = self.sealing(&mut out)?;
        w.write_all(bytes)?;
        w.finish()?;
        Ok(out)
    }

    /// Decrypts what [`Vault::seal`] made. A plain directory's file is returned as it is; an encrypted directory
    /// refuses a file that is not sealed to it.
    pub fn unseal(&self, bytes: Vec<u8>) -> std::io::Result<Vec<u8>> {
        match self {
            Vault::Plain => Ok(bytes),
            Vault::Sealed(_) => {
                let mut out = Vec::with_capacity(bytes.len());
                self.reader(std::io::Cursor::new(bytes))?.read_to_end(&mut out)?;
                Ok(out)
            }
        }
    }

    /// A reader of a stored file's content.
    pub fn reader<'r, R: Read + 'r>(&self, input: R) -> std::io::Result<Box<dyn Read + 'r>> {
        match self {
            Vault::Plain => Ok(Box::new(input)),
            Vault::Sealed(s) => {
                let decryptor = age::Decryptor::new(std::io::BufReader::new(input)).map_err(not_sealed)?;
                let reader =
                    decryptor.decrypt(std::iter::once(&s.identity as &dyn age::Identity)).map_err(not_sealed)?;
                Ok(Box::new(reader))
            }
        }
    }

    /// A writer that seals what is written to `out`; [`Sealing::finish`] writes the last block.
    pub fn sealing<'w, W: Write + 'w>(&self, out: W) -> std::io::Result<Sealing<'w>> {
        match self {
            Vault::Plain => Ok(Sealing { inner: Some(Inner::Plain(Box::new(out))) }),
            Vault::Sealed(s) => {
                let encryptor = age::Encryptor::with_recipients(std::iter::once(&s.recipient as &dyn age::Recipient))
                    .map_err(std::io::Error::other)?;
                let w: Box<dyn Write + 'w> = Box::new(out);
                Ok(Sealing { inner: Some(Inner::Sealed(encryptor.wrap_output(w)?)) })
            }
        }
    }

    /// Reads a stored file whole.
    pub fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        self.unseal(std::fs::read(path)?)
    }

    /// Writes a stored file through a `.part` file renamed into place: a crash never leaves half a file under its
    /// name.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        let tmp = path.with_extension("part");
        std::fs::write(&tmp, self.seal(bytes)?)?;
        std::fs::rename(&tmp, path)
    }
}

/// Whether a file's bytes are an age file (sealed) rather than plain content.
pub(crate) fn is_sealed_file(path: &Path) -> std::io::Result<bool> {
    let mut head = [0u8; 21];
    let mut f = std::fs::File::open(path)?;
    let n = f.read(&mut head)?;
    Ok(head[..n] == *AGE_MAGIC)
}

fn not_sealed(e: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, format!("文件未用本数据目录的密钥加密或已损坏：{e}"))
}

enum Inner<'w> {
    Plain(Box<dyn Write + 'w>),
    Sealed(age::stream::StreamWriter<Box<dyn Write + 'w>>),
}

/// A writer that seals as it goes. Dropped without [`Sealing::finish`], it finishes anyway (a writer handed to the
/// bundle reader as `Box<dyn Write>` is only dropped); an error then shows when the file is read.
pub(crate) struct Sealing<'w> {
    inner: Option<Inner<'w>>,
}

impl Sealing<'_> {
    pub fn finish(mut self) -> std::io::Result<()> {
        match self.inner.take() {
            Some(Inner::Plain(mut w)) => w.flush(),
            Some(Inner::Sealed(w)) => w.finish()?.flush(),
            None => Ok(()),
        }
    }
}

impl Write for Sealing<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.inner.as_mut() {
            Some(Inner::Plain(w)) => w.write(buf),
            Some(Inner::Sealed(w)) => w.write(buf),
            None => Err(std::io::Error::other("sealed writer already finished")),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.inner.as_mut() {
            Some(Inner::Plain(w)) => w.flush(),
            Some(Inner::Sealed(w)) => w.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for Sealing<'_> {
    fn drop(&mut self) {
        if self.inner.is_some() {
            let rest = Sealing { inner: self.inner.take() };
            let _ = rest.finish();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_bytes_round_trip_and_hide_their_content() {
        let vault = Vault::sealed(age::x25519::Identity::generate());
        let text = "亭湖区示例口罩厂".repeat(5000).into_bytes();
        let sealed = vault.seal(&text).expect("seal");
        assert!(sealed.starts_with(AGE_MAGIC));
        assert!(!sealed.windows(24).any(|w| w == &text[..24]), "plaintext visible in the sealed bytes");
        assert_eq!(vault.unseal(sealed.clone()).expect("unseal"), text);
        let other = Vault::sealed(age::x25519::Identity::generate());
        assert!(other.unseal(sealed).is_err(), "another directory's key opened the file");
        assert!(vault.unseal(text.clone()).is_err(), "a plain file was taken as sealed");
        assert_eq!(Vault::Plain.unseal(text.clone()).expect("plain"), text);
    }

    #[test]
    fn a_dropped_writer_still_finishes_the_file() {
        let vault = Vault::sealed(age::x25519::Identity::generate());
        let mut out = Vec::new();
        {
            let mut w = vault.sealing(&mut out).expect("sealing");
            w.write_all(&[7u8; 200_000]).expect("write");
        }
        assert_eq!(vault.unseal(out).expect("unseal"), vec![7u8; 200_000]);
    }
}
