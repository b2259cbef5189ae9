//! Key/value metadata of this database: device id, site id and the persisted hybrid logical clock.

use maskcheck_domain::Hlc;
use rusqlite::{params, Connection, OptionalExtension};

use crate::{Result, Store, StoreError, Tx};

fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

fn set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

impl Store {
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        get(self.conn(), key)
    }
}

impl Tx<'_> {
    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        set(self.conn(), key, value)
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        get(self.conn(), key)
    }

    /// Sets a value, or removes the key when `None`.
    pub fn put_meta(&mut self, key: &str, value: Option<&str>) -> Result<()> {
        match value {
            Some(v) => set(self.conn(), key, v),
            None => {
                self.conn().execute("DELETE FROM meta WHERE key = ?1", [key])?;
                Ok(())
            }
        }
    }

    /// `n` successive stamps for a batch of changes made now, with one read and one write of the persisted clock.
    pub fn next_versions(&mut self, device: &str, now_ms: i64, n: usize) -> Result<Vec<String>> {
        let mut prev = match self.meta("clock")? {
            Some(s) => Some(Hlc::parse(&s).ok_or_else(|| StoreError::Corrupt(format!("clock {s}")))?),
            None => None,
        };
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            let next = Hlc::tick(prev.as_ref(), now_ms, device);
            out.push(next.to_string());
            prev = Some(next);
        }
        if let Some(last) = out.last() {
            self.set_meta("clock", last)?;
        }
        Ok(out)
    }

    /// Advances the persisted clock and returns the stamp for a change made now on `device`.
    pub fn next_version(&mut self, device: &str, now_ms: i64) -> Result<String> {
        let prev = match self.meta("clock")? {
            Some(s) => Some(Hlc::parse(&s).ok_or_else(|| StoreError::Corrupt(format!("clock {s}")))?),
            None => None,
        };
        let next = Hlc::tick(prev.as_ref(), now_ms, device).to_string();
        self.set_meta("clock", &next)?;
        Ok(next)
    }

    /// Moves the persisted clock past a clock received from another device (hybrid logical clock receive), so
    /// this device's next change sorts after everything it has seen.
    pub fn observe_clock(&mut self, remote: &str, device: &str, now_ms: i64) -> Result<()> {
        let Some(remote) = Hlc::parse(remote) else { return Ok(()) };
        let prev = match self.meta("clock")? {
            Some(s) => Some(Hlc::parse(&s).ok_or_else(|| StoreError::Corrupt(format!("clock {s}")))?),
            None => None,
        };
        self.set_meta("clock", &Hlc::observe(prev.as_ref(), &remote, now_ms, device).to_string())
    }
}
