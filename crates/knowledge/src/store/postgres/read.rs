//! Listings and look-ups, and how a [`Scope`] becomes parameters.

use std::collections::HashMap;

use sqlx::postgres::PgRow;
use sqlx::Row;

use super::{owned, PgStore};
use crate::store::{Counts, Document, Scope, Status, StoreError, StoredPassage, SHARED};

/// A document's columns (alias `d`), without its text, in the order [`document`] reads them.
pub(super) const DOC_COLUMNS: &str = "d.id, d.owner, d.title, d.format, d.content_hash, d.chars, \
     d.bytes, d.status, d.passages_total, d.passages_done, d.error, d.created_at";

/// The condition on `d` for a scope whose owners are `$1` (text[]) and documents `$2` (text[],
/// NULL: all of them).
pub(super) const IN_SCOPE: &str = "d.owner = ANY($1) AND ($2::text[] IS NULL OR d.id = ANY($2))";

/// A row of [`DOC_COLUMNS`].
pub(super) fn document(row: &PgRow) -> Result<Document, StoreError> {
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

/// The owners `scope` sees (`$1` of [`IN_SCOPE`]).
pub(super) fn owners(scope: &Scope) -> Vec<String> {
    let mut owners = vec![owned(&scope.owner)];
    if scope.shared && scope.owner != SHARED {
        owners.push(SHARED.to_string());
    }
    owners
}

/// The documents `scope` is limited to (`$2` of [`IN_SCOPE`]).
pub(super) fn only(scope: &Scope) -> Option<Vec<String>> {
    scope
        .documents
        .as_ref()
        .map(|ids| ids.iter().map(|id| owned(id)).collect())
}

impl PgStore {
    pub(super) async fn one(
        &self,
        scope: &Scope,
        id: &str,
    ) -> Result<Option<Document>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {DOC_COLUMNS} FROM knowledge_documents d WHERE {IN_SCOPE} AND d.id = $3"
        ))
        .bind(owners(scope))
        .bind(only(scope))
        .bind(owned(id))
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(document).transpose()
    }

    pub(super) async fn list(&self, scope: &Scope) -> Result<Vec<Document>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {DOC_COLUMNS} FROM knowledge_documents d WHERE {IN_SCOPE}
             ORDER BY d.created_at DESC, d.key DESC"
        ))
        .bind(owners(scope))
        .bind(only(scope))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(document).collect()
    }

    pub(super) async fn processing(&self) -> Result<Vec<(Document, String)>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {DOC_COLUMNS}, d.text FROM knowledge_documents d
             WHERE d.status = 'processing' ORDER BY d.created_at, d.key"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| Ok((document(row)?, row.try_get("text")?)))
            .collect()
    }

    pub(super) async fn by_ids(&self, ids: &[i64]) -> Result<Vec<StoredPassage>, StoreError> {
        let rows = sqlx::query(
            "SELECT p.id, d.id AS document_id, d.title, p.ordinal, p.start_char, p.end_char, p.text
             FROM knowledge_passages p JOIN knowledge_documents d ON d.key = p.document
             WHERE p.id = ANY($1)",
        )
        .bind(ids)
        .fetch_all(&self.pool)
        .await?;
        let mut found: HashMap<i64, StoredPassage> = HashMap::with_capacity(rows.len());
        for row in rows {
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
        Ok(ids.iter().filter_map(|id| found.get(id).cloned()).collect())
    }

    pub(super) async fn count(&self) -> Result<Counts, StoreError> {
        let (documents, passages): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT count(*) FROM knowledge_documents),
                    (SELECT count(*) FROM knowledge_passages)",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(Counts {
            documents: to_u64(documents),
            passages: to_u64(passages),
        })
    }
}
