//! Product rows (产品) of an enterprise.

use maskcheck_domain::Entity;
use maskcheck_domain::ProductInput;
use rusqlite::{params, Connection};

use crate::codec::{category_from, category_text};
use crate::record::{void_from, RecordMeta, Void};
use crate::{Result, Store, StoreError, Tx};

#[derive(Debug, Clone, PartialEq)]
pub struct ProductRecord {
    pub meta: RecordMeta,
    pub enterprise_id: String,
    pub data: ProductInput,
    pub void: Option<Void>,
}

fn list(conn: &Connection, enterprise_id: &str) -> Result<Vec<ProductRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, origin, version, deleted, created_at, updated_at, enterprise_id, name, category, standard,
                grade, specification, registration_cert_no, void_reason, voided_at
         FROM product WHERE enterprise_id = ?1 AND deleted = 0 ORDER BY rid",
    )?;
    let rows = stmt.query_map([enterprise_id], |r| {
        Ok((
            RecordMeta {
                id: r.get(0)?,
                origin: r.get(1)?,
                version: r.get(2)?,
                deleted: r.get(3)?,
                created_at: r.get(4)?,
                updated_at: r.get(5)?,
            },
            r.get::<_, String>(6)?,
            r.get::<_, String>(7)?,
            r.get::<_, String>(8)?,
            (r.get(9)?, r.get(10)?, r.get(11)?, r.get(12)?),
            void_from(r.get(13)?, r.get(14)?),
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (meta, enterprise_id, name, category, (standard, grade, specification, registration_cert_no), void) = row?;
        out.push(ProductRecord {
            meta,
            enterprise_id,
            data: ProductInput {
                name,
                category: category_from(&category)?,
                standard,
                grade,
                specification,
                registration_cert_no,
            },
            void,
        });
    }
    Ok(out)
}

impl Store {
    /// Every live product, grouped by enterprise id: for exports.
    pub fn live_products(&self) -> Result<std::collections::HashMap<String, Vec<ProductInput>>> {
        let mut stmt = self.conn().prepare(
            "SELECT enterprise_id, name, category, standard, grade, specification, registration_cert_no
             FROM product WHERE deleted = 0 AND void_reason IS NULL ORDER BY rid",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                (r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?),
            ))
        })?;
        let mut out: std::collections::HashMap<String, Vec<ProductInput>> = std::collections::HashMap::new();
        for row in rows {
            let (enterprise, name, category, (standard, grade, specification, registration_cert_no)) = row?;
            let p = ProductInput {
                name,
                category: category_from(&category)?,
                standard,
                grade,
                specification,
                registration_cert_no,
            };
            out.entry(enterprise).or_default().push(p);
        }
        Ok(out)
    }

    pub fn products(&self, enterprise_id: &str) -> Result<Vec<ProductRecord>> {
        list(self.conn(), enterprise_id)
    }
}

impl Tx<'_> {
    pub fn insert_product(&mut self, meta: &RecordMeta, enterprise_id: &str, d: &ProductInput) -> Result<()> {
        self.conn().execute(
            "INSERT INTO product (id, origin, version, deleted, created_at, updated_at, enterprise_id, name, category,
                                  standard, grade, specification, registration_cert_no)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                meta.id,
                meta.origin,
                meta.version,
                meta.deleted,
                meta.created_at,
                meta.updated_at,
                enterprise_id,
                d.name,
                category_text(d.category),
                d.standard,
                d.grade,
                d.specification,
                d.registration_cert_no
            ],
        )?;
        Ok(())
    }

    /// Updates a live record of `enterprise_id`; one of another enterprise is not found (and nothing is written).
    pub fn update_product(
        &mut self,
        enterprise_id: &str,
        id: &str,
        version: &str,
        at: &str,
        d: &ProductInput,
    ) -> Result<()> {
        let n = self.conn().execute(
            "UPDATE product SET name = ?1, category = ?2, standard = ?3, grade = ?4, specification = ?5,
                                registration_cert_no = ?6, version = ?7, updated_at = ?8
             WHERE id = ?9 AND enterprise_id = ?10 AND deleted = 0",
            params![
                d.name,
                category_text(d.category),
                d.standard,
                d.grade,
                d.specification,
                d.registration_cert_no,
                version,
                at,
                id,
                enterprise_id
            ],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound { entity: Entity::Product, id: id.into() });
        }
        Ok(())
    }

    pub fn void_product(&mut self, id: &str, version: &str, at: &str, reason: &str) -> Result<()> {
        let n = self.conn().execute(
            "UPDATE product SET void_reason = ?1, voided_at = ?2, version = ?3, updated_at = ?2
             WHERE id = ?4 AND deleted = 0",
            params![reason, at, version, id],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound { entity: Entity::Product, id: id.into() });
        }
        Ok(())
    }
}
