//! Listings and look-ups (the read pool), and how a [`Scope`] becomes SQL.

use std::collections::HashMap;

use sqlx::sqlite::SqliteRow;
use sqlx::{QueryBuilder, Row, Sqlite};

use super::SqliteStore;
use crate::store::{Counts, Document, Scope, Status, StoreError, StoredPassage, SHARED};

/// A document's columns, without its text, in the order [`document`] reads them.
pub(super) const DOC_COLUMNS: &str = "id, owner, title, format, content_hash, chars, bytes, \
     status, passages_total, passages_done, error, created_at";

/// Ids given to an `IN (…)` at once (SQLite allows 32,766 variables per statement).
pub(super) const IDS_PER_QUERY: usize = 500;

/// A row of [`DOC_COLUMNS`].
pub(super) fn document(row: &SqliteRow) -> Result<Document, StoreError> {
    let status: String = row.try_get("status")?;
    let status = Status::parse(&status).ok_or_else(|| {
        StoreError::Db(sqlx::Error::Decode(
            format!("unknown document status {status:?}").into(),
        ))
    })?;
    Ok(Document {
        id: row.try_get("id")?,
        owner: row.try_get("owner")?,
        title: row.try_get("title")?,
        format: row.try_get("format")?,
        content_hash: row.try_get("content_hash")?,
        chars: to_u64(row.try_get("chars")?),
        bytes: to_u64(row.try_get("bytes")?),
        status,
        passages_total: to_u32(row.try_get("passages_total")?),
        passages_done: to_u32(row.try_get("passages_done")?),
        error: row.try_get("error")?,
        created_at: row.try_get("created_at")?,
    })
}

pub(super) fn to_u64(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

pub(super) fn to_u32(v: i64) -> u32 {
    u32::try_from(v).unwrap_or(0)
}

pub(super) fn to_i64(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// The owners `scope` sees: the person, and the shared library when asked.
pub(super) fn owners(scope: &Scope) -> Vec<&str> {
    let mut owners = vec![scope.owner.as_str()];
    if scope.shared && scope.owner != SHARED {
        owners.push(SHARED);
    }
    owners
}

/// `(owner IN (…) [AND id IN (…)])` on the documents table, its columns named with `prefix`
/// (`d.` or nothing).
pub(super) fn push_scope(qb: &mut QueryBuilder<'_, Sqlite>, scope: &Scope, prefix: &str) {
    qb.push("(");
    qb.push(prefix).push("owner IN (");
    let mut list = qb.separated(", ");
    for owner in owners(scope) {
        list.push_bind(owner.to_string());
    }
    qb.push(")");
    if let Some(ids) = &scope.documents {
        qb.push(" AND ").push(prefix).push("id IN (");
        let mut list = qb.separated(", ");
        list.push("NULL"); // an empty list is still valid SQL, and matches nothing
        for id in ids {
            list.push_bind(id.clone());
        }
        qb.push(")");
    }
    qb.push(")");
}

impl SqliteStore {
    pub(super) async fn one(
        &self,
        scope: &Scope,
        id: &str,
    ) -> Result<Option<Document>, StoreError> {
        let mut qb = QueryBuilder::new(format!(
            "SELECT {DOC_COLUMNS} FROM knowledge_documents WHERE id = "
        ));
        qb.push_bind(id.to_string()).push(" AND ");
        push_scope(&mut qb, scope, "");
        let row = qb.build().fetch_optional(&self.read).await?;
        row.as_ref().map(document).transpose()
    }

    pub(super) async fn list(&self, scope: &Scope) -> Result<Vec<Document>, StoreError> {
        let mut qb = QueryBuilder::new(format!(
            "SELECT {DOC_COLUMNS} FROM knowledge_documents WHERE "
        ));
        push_scope(&mut qb, scope, "");
        qb.push(" ORDER BY created_at DESC, key DESC");
        let rows = qb.build().fetch_all(&self.read).await?;
        rows.iter().map(document).collect()
    }

    pub(super) async fn processing(&self) -> Result<Vec<(Document, String)>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {DOC_COLUMNS}, text FROM knowledge_documents
             WHERE status = 'processing' ORDER BY created_at, key"
        ))
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|row| Ok((document(row)?, row.try_get("text")?)))
            .collect()
    }

    pub(super) async fn by_ids(&self, ids: &[i64]) -> Result<Vec<StoredPassage>, StoreError> {
        let mut found: HashMap<i64, StoredPassage> = HashMap::with_capacity(ids.len());
        for chunk in ids.chunks(IDS_PER_QUERY) {
            let mut qb = QueryBuilder::new(
                "SELECT p.id, d.id AS document_id, d.title, p.ordinal, p.start_char, p.end_char, p.text
                 FROM knowledge_passages p JOIN knowledge_documents d ON d.key = p.document
                 WHERE p.id IN (",
            );
            let mut list = qb.separated(", ");
            for id in chunk {
                list.push_bind(*id);
            }
            qb.push(")");
            for row in qb.build().fetch_all(&self.read).await? {
                let passage = StoredPassage {
                    id: row.try_get("id")?,
                    document_id: row.try_get("document_id")?,
                    title: row.try_get("title")?,
                    ordinal: to_u32(row.try_get("ordinal")?),
                    start: to_u32(row.try_get("start_char")?),
                    end: to_u32(row.try_get("end_char")?),
                    text: row.try_get("text")?,
                };
                found.insert(passage.id, passage);
            }
        }
        Ok(ids.iter().filter_map(|id| found.get(id).cloned()).collect())
    }

    pub(super) async fn count(&self) -> Result<Counts, StoreError> {
        let (documents, passages): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT count(*) FROM knowledge_documents),
                    (SELECT count(*) FROM knowledge_passages)",
        )
        .fetch_one(&self.read)
        .await?;
        Ok(Counts {
            documents: to_u64(documents),
            passages: to_u64(passages),
        })
    }
}
