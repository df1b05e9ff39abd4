//! The SQL behind a history page: one person's successful summaries matching a
//! [`HistoryQuery`], newest first, strictly below the cursor.
//!
//! Keyset pages (`id < before ORDER BY id DESC LIMIT n`), never `OFFSET`: page 2,000 costs what
//! page 1 costs, and a summary added or deleted between two requests cannot shift the pages
//! (no duplicates, no gaps). Every value is bound; only the presence of a filter changes the
//! statement's shape.

use sqlx::sqlite::SqliteRow;
use sqlx::{QueryBuilder, Row, Sqlite, SqlitePool};

use super::super::identity::UserId;
use super::HistoryError;
use crate::domain::history::{HistoryItem, HistoryPage, HistoryQuery};
use crate::domain::models::ProviderKind;
use crate::domain::summary::Summary;
use crate::domain::text::{excerpt, first_words};

/// Everything [`summary_from_row`] reads, from `summaries s`.
pub(super) const SUMMARY_COLUMNS: &str = "s.id, s.model, s.provider, s.input_text, s.summary, \
    s.parameters, s.truncated, s.partial, s.parts, s.created_at, s.latency_ms";

/// Longest snippet in a list item, in characters.
const SNIPPET_CHARS: usize = 160;
/// Words in a list item's title.
const TITLE_WORDS: usize = 8;

/// What a query selects.
#[derive(Debug, Clone, Copy)]
pub(super) enum Columns {
    /// A list line: the start of the text, a snippet.
    Item,
    /// Only the id (what an export reads first).
    Id,
}

/// `SELECT …` for `query`, newest first, at most `limit` rows (`None`: all of them; the
/// query's own `limit` is ignored).
///
/// A search alone is driven by the FTS5 table (`CROSS JOIN` keeps SQLite from reordering): it
/// yields matching rowids newest first from the cursor on, each joined to its row by primary
/// key and kept if it is this person's; the walk stops after `limit` rows, so a common word
/// costs no more than a rare one. With a model or dates as well, that walk could pass
/// thousands of matches outside the filters, so the filter's index drives instead
/// (`summaries_by_user_model`, or `summaries_by_user` with the dates checked on its entries)
/// and each entry is checked against the set of matching rowids, which SQLite builds once;
/// snippets then show the start of the summary. Without a search the index walk alone answers.
pub(super) fn select<'a>(
    user: &'a UserId,
    query: &'a HistoryQuery,
    columns: Columns,
    limit: Option<u32>,
) -> QueryBuilder<'a, Sqlite> {
    const HEAD: &str = "s.id, s.model, s.created_at, substr(s.input_text, 1, 400) AS head";
    let filtered = query.model.is_some() || query.from.is_some() || query.to.is_some();
    let mut sql = QueryBuilder::new("SELECT ");
    let id = match &query.q {
        Some(search) if !filtered => {
            sql.push(match columns {
                Columns::Item => {
                    format!("{HEAD}, snippet(summaries_fts, -1, '', '', '…', 24) AS snippet")
                }
                Columns::Id => "s.id".to_string(),
            });
            sql.push(
                " FROM summaries_fts CROSS JOIN summaries s ON s.id = summaries_fts.rowid \
                 WHERE summaries_fts MATCH ",
            );
            sql.push_bind(search.fts5());
            "summaries_fts.rowid"
        }
        search => {
            sql.push(match columns {
                Columns::Item => format!("{HEAD}, substr(s.summary, 1, 400) AS snippet"),
                Columns::Id => "s.id".to_string(),
            });
            sql.push(" FROM summaries s WHERE 1");
            if let Some(search) = search {
                // `+` keeps SQLite from driving the query from the set (then sorting it all)
                sql.push(
                    " AND +s.id IN (SELECT rowid FROM summaries_fts WHERE summaries_fts MATCH ",
                )
                .push_bind(search.fts5())
                .push(")");
            }
            "s.id"
        }
    };
    sql.push(" AND s.user_id = ")
        .push_bind(user.as_str())
        .push(" AND s.outcome = 'ok'");
    if let Some(before) = query.before {
        sql.push(format_args!(" AND {id} < ")).push_bind(before);
    }
    if let Some(model) = &query.model {
        sql.push(" AND s.model = ").push_bind(model.as_str());
    }
    let (from, to) = query.created_range();
    if let Some(from) = from {
        sql.push(" AND s.created_at >= ").push_bind(from);
    }
    if let Some(to) = to {
        sql.push(" AND s.created_at < ").push_bind(to);
    }
    sql.push(format_args!(" ORDER BY {id} DESC"));
    if let Some(limit) = limit {
        sql.push(" LIMIT ").push_bind(i64::from(limit));
    }
    sql
}

/// One page; one row more than the page is read to know whether another page follows.
pub(super) async fn page(
    pool: &SqlitePool,
    user: &UserId,
    query: &HistoryQuery,
) -> Result<HistoryPage, HistoryError> {
    let mut rows = select(user, query, Columns::Item, Some(query.limit + 1))
        .build()
        .fetch_all(pool)
        .await?;
    let more = rows.len() > query.limit as usize;
    rows.truncate(query.limit as usize);
    let summaries = rows
        .iter()
        .map(item_from_row)
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let next_before = if more {
        summaries.last().map(|item| item.id)
    } else {
        None
    };
    Ok(HistoryPage {
        summaries,
        next_before,
    })
}

/// The ids of every summary of `user` matching `query`, newest first: what an export then
/// reads in chunks. 8 bytes per summary, and the search is evaluated once.
pub(super) async fn ids(
    pool: &SqlitePool,
    user: &UserId,
    query: &HistoryQuery,
) -> Result<Vec<i64>, sqlx::Error> {
    select(user, query, Columns::Id, None)
        .build_query_scalar()
        .fetch_all(pool)
        .await
}

/// Whole summaries by id, newest first; only `user`'s (a summary deleted since its id was
/// read is simply not there).
pub(super) async fn summaries(
    pool: &SqlitePool,
    user: &UserId,
    ids: &[i64],
) -> Result<Vec<Summary>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut sql = QueryBuilder::new(format!(
        "SELECT {SUMMARY_COLUMNS} FROM summaries s WHERE s.outcome = 'ok' AND s.user_id = "
    ));
    sql.push_bind(user.as_str()).push(" AND s.id IN (");
    let mut list = sql.separated(", ");
    for id in ids {
        list.push_bind(*id);
    }
    sql.push(") ORDER BY s.id DESC");
    sql.build()
        .fetch_all(pool)
        .await?
        .iter()
        .map(summary_from_row)
        .collect()
}

/// The distinct models of the person's summaries, by skip-scan: each step asks the
/// `(user_id, outcome, model, …)` index for the first model after the previous one.
pub(super) async fn models(pool: &SqlitePool, user: &UserId) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "WITH RECURSIVE used (model) AS ( \
             SELECT MIN(model) FROM summaries WHERE user_id = ?1 AND outcome = 'ok' \
             UNION ALL \
             SELECT (SELECT MIN(model) FROM summaries \
                     WHERE user_id = ?1 AND outcome = 'ok' AND model > used.model) \
             FROM used WHERE used.model IS NOT NULL \
         ) \
         SELECT model FROM used WHERE model IS NOT NULL",
    )
    .bind(user.as_str())
    .fetch_all(pool)
    .await
}

fn item_from_row(row: &SqliteRow) -> Result<HistoryItem, sqlx::Error> {
    let head: String = row.try_get("head")?;
    let snippet: Option<String> = row.try_get("snippet")?;
    Ok(HistoryItem {
        id: row.try_get("id")?,
        title: first_words(&head, TITLE_WORDS),
        model: row.try_get("model")?,
        created_at: row.try_get("created_at")?,
        snippet: excerpt(snippet.as_deref().unwrap_or_default(), SNIPPET_CHARS),
    })
}

pub(super) fn summary_from_row(row: &SqliteRow) -> Result<Summary, sqlx::Error> {
    let parameters: String = row.try_get("parameters")?;
    let provider: Option<String> = row.try_get("provider")?;
    Ok(Summary {
        id: row.try_get("id")?,
        model: row.try_get("model")?,
        provider: match provider.as_deref() {
            Some("huggingface") => ProviderKind::HuggingFace,
            _ => ProviderKind::Local,
        },
        text: row.try_get("input_text")?,
        summary: row.try_get("summary")?,
        parameters: serde_json::from_str(&parameters)
            .map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
        truncated: row.try_get("truncated")?,
        partial: row.try_get("partial")?,
        parts: row
            .try_get::<i64, _>("parts")?
            .clamp(1, i64::from(u32::MAX)) as u32,
        created_at: row.try_get("created_at")?,
        latency_ms: row.try_get::<i64, _>("latency_ms")?.max(0) as u64,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};

    use super::*;
    use crate::domain::history::HistoryParams;
    use crate::server::db::Db;

    const USER: &str = "0123456789abcdef0123456789abcdef";

    /// Characters FTS5 or SQLite could read as syntax, and any other.
    fn search_text() -> impl Strategy<Value = String> {
        let tricky = prop::sample::select(vec![
            '\0', '"', '\'', '*', '(', ')', ':', '^', '-', '+', '{', '}', '\\', '\n', '\u{1b}',
            '\u{7f}', '\u{85}', '\u{feff}', '\u{fffd}', ' ', 'a', 'b', 'é', 'N', 'E', 'A', 'R',
        ]);
        prop::collection::vec(prop_oneof![3 => tricky, 1 => any::<char>()], 0..30)
            .prop_map(|chars| chars.into_iter().collect())
    }

    /// Whatever a search holds, the real statements run on the real schema: a search is
    /// either refused as a query problem (400) or answered — never a database error (500).
    #[test]
    fn any_search_runs_against_sqlite() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let dir = tempfile::tempdir().expect("temp dir");
        let db = rt.block_on(async {
            let url = format!("sqlite://{}", dir.path().join("history.db").display());
            let db = Db::connect(&url).await.expect("database");
            sqlx::query("INSERT INTO users (id, created_at) VALUES (?, 0)")
                .bind(USER)
                .execute(&db.write)
                .await
                .expect("user");
            for (i, text) in [
                "The city budget",
                "NEAR \"quoted\" words",
                "São Paulo résumé",
            ]
            .into_iter()
            .enumerate()
            {
                sqlx::query(
                    "INSERT INTO summaries (user_id, created_at, completed_at, latency_ms, model, \
                     provider, input_text, parameters, outcome, summary) \
                     VALUES (?, ?, ?, 1, 'local/textrank', 'local', ?, '{}', 'ok', ?)",
                )
                .bind(USER)
                .bind(i as i64)
                .bind(i as i64)
                .bind(text)
                .bind(text)
                .execute(&db.write)
                .await
                .expect("summary");
            }
            db
        });
        let user = UserId::parse(USER).expect("user id");
        let mut runner = TestRunner::new(Config {
            cases: 400,
            failure_persistence: None,
            ..Config::default()
        });
        runner
            .run(&(search_text(), any::<bool>()), |(q, filtered)| {
                let params = HistoryParams {
                    q: Some(q.clone()),
                    model: filtered.then(|| "local/textrank".to_string()),
                    ..HistoryParams::default()
                };
                let Ok(query) = HistoryQuery::parse(&params) else {
                    return Ok(()); // a 400 naming `q`: the caller's to fix
                };
                let listed = rt.block_on(page(&db.read, &user, &query));
                prop_assert!(listed.is_ok(), "{q:?}: {listed:?}");
                let exported = rt.block_on(ids(&db.read, &user, &query));
                prop_assert!(exported.is_ok(), "{q:?}: {exported:?}");
                Ok(())
            })
            .expect("every search runs");
        // and the searches a person makes still find what they should
        for (q, found) in [
            ("budget", 1),
            ("sao", 1),
            ("\"quoted", 1),
            ("near", 1),
            ("ab\0c", 0),
        ] {
            let query = HistoryQuery::parse(&HistoryParams {
                q: Some(q.into()),
                ..HistoryParams::default()
            })
            .expect("query");
            let got = rt.block_on(page(&db.read, &user, &query)).expect("page");
            assert_eq!(got.summaries.len(), found, "{q:?}");
        }
    }
}
