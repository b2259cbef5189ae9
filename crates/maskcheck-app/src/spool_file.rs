//! The file an export spools its pages of rows to before they are copied into the bundle. In an encrypted data
//! directory it is encrypted with ChaCha20 under a key made for this one export and held only in memory: the
//! spool is read back by this process alone, within the export, so confidentiality is all it needs, and a stream
//! cipher's seek lets the bundle writer go back and read it. A plain directory's spool is the plain file.

use std::io::{Read, Seek, SeekFrom, Write};

use chacha20::cipher::{KeyIvInit, StreamCipher, StreamCipherSeek};
use chacha20::ChaCha20;
use rand_core::{OsRng, RngCore};

pub(crate) struct SpoolFile {
    file: std::fs::File,
    cipher: Option<ChaCha20>,
    pos: u64,
}

impl SpoolFile {
    pub fn new(file: std::fs::File, encrypt: bool) -> SpoolFile {
        let cipher = encrypt.then(|| {
            let mut key = [0u8; 32];
            let mut nonce = [0u8; 12];
            OsRng.fill_bytes(&mut key);
            OsRng.fill_bytes(&mut nonce);
            ChaCha20::new(&key.into(), &nonce.into())
        });
        SpoolFile { file, cipher, pos: 0 }
    }
}

impl Read for SpoolFile {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.file.read(buf)?;
        if let Some(c) = self.cipher.as_mut() {
            c.seek(self.pos);
            c.apply_keystream(&mut buf[..n]);
        }
        self.pos += n as u64;
        Ok(n)
    }
}

impl Write for SpoolFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = match self.cipher.as_mut() {
            Some(c) => {
                let mut sealed = buf.to_vec();
                c.seek(self.pos);
                c.apply_keystream(&mut sealed);
                self.file.write(&sealed)?
            }
            None => self.file.write(buf)?,
        };
        self.pos += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

impl Seek for SpoolFile {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        self.pos = self.file.seek(to)?;
        Ok(self.pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_encrypted_spool_reads_back_what_was_written_and_hides_it_on_disk() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("spool");
        let file = std::fs::OpenOptions::new().read(true).write(true).create_new(true).open(&path).expect("create");
        let mut spool = SpoolFile::new(file, true);
        let text = "亭湖区示例口罩厂".repeat(1000);
        spool.write_all(text.as_bytes()).expect("write");
        spool.write_all(b"tail").expect("write");
        spool.flush().expect("flush");
        let on_disk = std::fs::read(&path).expect("read");
        assert!(!String::from_utf8_lossy(&on_disk).contains("口罩厂"));
        spool.seek(SeekFrom::Start(0)).expect("seek");
        let mut back = String::new();
        spool.read_to_string(&mut back).expect("read back");
        assert_eq!(back, format!("{text}tail"));
    }
}
