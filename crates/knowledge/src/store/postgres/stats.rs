//! The keyword statistics BM25 needs, per owner: in how many passages each lexeme is
//! (`knowledge_terms`), and how many passages there are and how long they are in all
//! (`knowledge_owners`). A search's scope is a set of owners (the person, the shared library),
//! so its statistics are the sums of theirs.
//!
//! Only the passages of **ready** documents count, as only they are searched: a document's
//! passages are counted in the transaction that makes it ready, and uncounted in the one that
//! deletes it, fails it or moves it to another owner (or rewrites passages of a document already
//! ready). Each of these holds the document's row lock (`FOR UPDATE`), so two of them never
//! count the same document at once, and the statistics always equal a recount of the ready
//! documents (the tests check it). A search limited to some documents uses their owners'
//! statistics: the IDF is the owners', not that of the named documents alone.
//!
//! Rows are changed in (owner, lexeme) order, so that two transactions counting documents of
//! the same owner wait for each other instead of deadlocking.

use sqlx::{Postgres, Transaction};

use crate::store::StoreError;

type Tx = Transaction<'static, Postgres>;

/// Adds the passages of these documents to their owners' statistics. The caller holds the
/// documents' row locks and knows they are (or, in this transaction, became) ready.
pub(super) async fn count(tx: &mut Tx, documents: &[i64]) -> Result<(), StoreError> {
    change(tx, documents, 1).await
}

/// Removes the passages of these ready documents from their owners' statistics, before the
/// passages go (or the documents stop being ready, or change owner).
pub(super) async fn uncount(tx: &mut Tx, documents: &[i64]) -> Result<(), StoreError> {
    change(tx, documents, -1).await
}

async fn change(tx: &mut Tx, documents: &[i64], sign: i64) -> Result<(), StoreError> {
    if documents.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO knowledge_terms AS t (owner, lexeme, passages)
         SELECT d.owner, l.lexeme, $2 * count(*)
         FROM knowledge_documents d
         JOIN knowledge_passages p ON p.document = d.key
         CROSS JOIN LATERAL unnest(tsvector_to_array(p.keywords)) AS l(lexeme)
         WHERE d.key = ANY($1)
         GROUP BY d.owner, l.lexeme
         ORDER BY d.owner, l.lexeme
         ON CONFLICT (owner, lexeme) DO UPDATE SET passages = t.passages + EXCLUDED.passages",
    )
    .bind(documents)
    .bind(sign)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO knowledge_owners AS o (owner, passages, lexemes)
         SELECT d.owner, $2 * count(*), $2 * coalesce(sum(length(p.keywords)), 0)
         FROM knowledge_documents d JOIN knowledge_passages p ON p.document = d.key
         WHERE d.key = ANY($1)
         GROUP BY d.owner
         ORDER BY d.owner
         ON CONFLICT (owner) DO UPDATE SET
             passages = o.passages + EXCLUDED.passages, lexemes = o.lexemes + EXCLUDED.lexemes",
    )
    .bind(documents)
    .bind(sign)
    .execute(&mut **tx)
    .await?;
    if sign < 0 {
        // The lexemes no passage holds any more, and owners without passages: gone, so the
        // tables stay as large as what is indexed. (Only these documents' owners are looked at;
        // their terms are found by the primary key.)
        sqlx::query(
            "DELETE FROM knowledge_terms
             WHERE passages <= 0 AND owner IN (
                 SELECT DISTINCT owner FROM knowledge_documents WHERE key = ANY($1))",
        )
        .bind(documents)
        .execute(&mut **tx)
        .await?;
        sqlx::query(
            "DELETE FROM knowledge_owners
             WHERE passages <= 0 AND owner IN (
                 SELECT DISTINCT owner FROM knowledge_documents WHERE key = ANY($1))",
        )
        .bind(documents)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Recounts everything from the ready documents (a database made before the statistics
/// existed; the caller holds the schema lock).
pub(super) async fn rebuild(tx: &mut Tx) -> Result<(), StoreError> {
    for statement in [
        "DELETE FROM knowledge_terms",
        "DELETE FROM knowledge_owners",
        "INSERT INTO knowledge_terms (owner, lexeme, passages)
         SELECT d.owner, l.lexeme, count(*)
         FROM knowledge_documents d
         JOIN knowledge_passages p ON p.document = d.key
         CROSS JOIN LATERAL unnest(tsvector_to_array(p.keywords)) AS l(lexeme)
         WHERE d.status = 'ready'
         GROUP BY d.owner, l.lexeme",
        "INSERT INTO knowledge_owners (owner, passages, lexemes)
         SELECT d.owner, count(*), coalesce(sum(length(p.keywords)), 0)
         FROM knowledge_documents d JOIN knowledge_passages p ON p.document = d.key
         WHERE d.status = 'ready'
         GROUP BY d.owner",
    ] {
        sqlx::query(statement).execute(&mut **tx).await?;
    }
    Ok(())
}
