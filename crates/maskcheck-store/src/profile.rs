use maskcheck_domain::{ProfileInput, Role};
use rusqlite::{params, OptionalExtension};

use crate::{Result, Store, StoreError, Tx};

/// The stored profile: what the user entered at setup plus this device's identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub input: ProfileInput,
    pub device_id: String,
    pub public_key: String,
    pub created_at: String,
}

fn role_text(r: Role) -> &'static str {
    match r {
        Role::Inspector => "inspector",
        Role::Bureau => "bureau",
    }
}

impl Store {
    pub fn profile(&self) -> Result<Option<Profile>> {
        let row = self
            .conn()
            .query_row(
                "SELECT unit_name, unit_abbr, county, inspector_name, cert_no, role, device_id, public_key, created_at
                 FROM profile WHERE id = 1",
                [],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, String>(6)?,
                        r.get::<_, String>(7)?,
                        r.get::<_, String>(8)?,
                    ))
                },
            )
            .optional()?;
        let Some((unit_name, unit_abbr, county, inspector_name, cert_no, role, device_id, public_key, created_at)) =
            row
        else {
            return Ok(None);
        };
        let role = match role.as_str() {
            "inspector" => Role::Inspector,
            "bureau" => Role::Bureau,
            other => return Err(StoreError::Corrupt(format!("role {other}"))),
        };
        Ok(Some(Profile {
            input: ProfileInput { unit_name, unit_abbr, county, inspector_name, cert_no, role },
            device_id,
            public_key,
            created_at,
        }))
    }
}

impl Tx<'_> {
    /// Writes the profile; refuses a second one (setup runs once per database).
    pub fn insert_profile(&mut self, p: &Profile) -> Result<()> {
        let i = &p.input;
        self.conn().execute(
            "INSERT INTO profile (id, unit_name, unit_abbr, county, inspector_name, cert_no, role, device_id,
                                  public_key, created_at)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                i.unit_name,
                i.unit_abbr,
                i.county,
                i.inspector_name,
                i.cert_no,
                role_text(i.role),
                p.device_id,
                p.public_key,
                p.created_at
            ],
        )?;
        Ok(())
    }

    pub fn update_profile(&mut self, i: &ProfileInput) -> Result<()> {
        self.conn().execute(
            "UPDATE profile SET unit_name = ?1, unit_abbr = ?2, county = ?3, inspector_name = ?4, cert_no = ?5,
                                role = ?6 WHERE id = 1",
            params![i.unit_name, i.unit_abbr, i.county, i.inspector_name, i.cert_no, role_text(i.role)],
        )?;
        Ok(())
    }
}
